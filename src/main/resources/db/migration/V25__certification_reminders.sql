-- The day a certification's coming end was told to its partner's users and channel managers (once:
-- partnerpulse.certifications.remind-days before it ends); null while not told.
alter table certification add column reminded_on date;
create index certification_to_remind on certification (expires_on) where reminded_on is null and expires_on is not null;
