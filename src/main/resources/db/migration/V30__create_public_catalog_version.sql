-- A stamp of what the public pages show (ADR 0022): every change that an anonymous page or file could reflect
-- bumps it in the same transaction, so that a validator (ETag) built on it never answers 304 for a page that a
-- publication, withdrawal, correction or file change has made stale. One row; readers never lock it.
create table public_catalog_version (
    id         smallint    primary key default 1,
    version    bigint      not null,
    changed_at timestamptz not null default now(),
    constraint public_catalog_version_single_row check (id = 1)
);

insert into public_catalog_version (id, version) values (1, 1);

create function bump_public_catalog_version() returns trigger language plpgsql as $$
begin
    update public_catalog_version set version = version + 1, changed_at = now() where id = 1;
    return null;
end;
$$;

-- Drafts are nobody's public business: only a row that is or was published (or withdrawn) bumps the stamp, so that
-- clerks saving drafts do not queue on the stamp's row lock.
create trigger dispatch_public_change_insert after insert on dispatch
    for each row when (new.status <> 'DRAFT') execute function bump_public_catalog_version();
create trigger dispatch_public_change_update after update on dispatch
    for each row when (old.status <> 'DRAFT' or new.status <> 'DRAFT') execute function bump_public_catalog_version();
create trigger dispatch_public_change_delete after delete on dispatch
    for each row when (old.status <> 'DRAFT') execute function bump_public_catalog_version();

-- A file's scan result, page count or removal shows on the public pages too, once its dispatch is out of draft.
create function bump_public_catalog_version_for_attachment() returns trigger language plpgsql as $$
declare
    dispatch_id_changed bigint := case when tg_op = 'DELETE' then old.dispatch_id else new.dispatch_id end;
begin
    if exists (select 1 from dispatch where id = dispatch_id_changed and status <> 'DRAFT') then
        update public_catalog_version set version = version + 1, changed_at = now() where id = 1;
    end if;
    return null;
end;
$$;

create trigger attachment_public_change after insert or update or delete on attachment
    for each row execute function bump_public_catalog_version_for_attachment();
