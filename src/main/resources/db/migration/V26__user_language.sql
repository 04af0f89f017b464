-- The language a person's e-mails are written in (the notifications): the one they chose on their
-- notifications page, or the one they last switched the pages to.
alter table app_user add column language text not null default 'en' check (language in ('en', 'ur'));
