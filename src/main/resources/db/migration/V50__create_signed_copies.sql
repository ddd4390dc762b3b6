-- The copy of a published PDF signed by its issuing body (ADR 0047), stored beside the untouched original under a
-- random key of its own; or why the file was published unsigned. One row per file, written once after publication.
create table signed_copy (
    attachment_id bigint        primary key references attachment (id) on delete cascade,
    state         varchar(20)   not null,
    storage_key   varchar(100),
    size_bytes    bigint,
    sha256        varchar(64),
    unit_code     varchar(50)   not null,
    reason        varchar(500),
    created_at    timestamp with time zone not null,
    constraint signed_copy_state_check check (state in ('SIGNED', 'NOT_SIGNED')),
    constraint signed_copy_file_check check (
        (state = 'SIGNED' and storage_key is not null and size_bytes > 0 and sha256 ~ '^[0-9a-f]{64}$')
        or (state = 'NOT_SIGNED' and storage_key is null and size_bytes is null and sha256 is null)),
    constraint signed_copy_storage_key_unique unique (storage_key)
);

-- A signed copy changes what the public section serves for a file already published: the public file cache
-- (ADR 0022) must forget what it served before.
create trigger signed_copy_public_change after insert or update or delete on signed_copy
    for each row execute function bump_public_catalog_version();
