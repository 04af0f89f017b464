-- Two-tier distribution: a distributor is a partner the vendor sells through to resellers; a
-- reseller may buy through one distributor. Two tiers only: a distributor buys through no one, and
-- a partner buys only through a distributor. The application refuses these with a message naming
-- the field; the trigger keeps them true for anything else that writes (imports, SQL by hand).
alter table partner
    add column distributor    boolean not null default false,
    add column distributor_id bigint references partner (id) check (distributor_id is distinct from id);
comment on column partner.distributor is 'Whether the partner is a distributor: resellers buy through it.';
comment on column partner.distributor_id is 'The distributor this partner (a reseller) buys through; null: none.';
create index partner_distributor_idx on partner (distributor_id) where distributor_id is not null;

create function partner_two_tiers() returns trigger language plpgsql as $$
begin
    if new.distributor and new.distributor_id is not null then
        raise exception 'partner % is a distributor: it buys through no distributor', new.id using errcode = 'check_violation';
    end if;
    if new.distributor_id is not null
            and not exists (select 1 from partner d where d.id = new.distributor_id and d.distributor) then
        raise exception 'partner % is not a distributor', new.distributor_id using errcode = 'check_violation';
    end if;
    if tg_op = 'UPDATE' and old.distributor and not new.distributor
            and exists (select 1 from partner r where r.distributor_id = new.id) then
        raise exception 'partner % has resellers: it stays a distributor', new.id using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger partner_two_tiers before insert or update of distributor, distributor_id on partner
    for each row execute function partner_two_tiers();
