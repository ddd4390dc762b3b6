-- Full-text search for Vietnamese. There is no Vietnamese stemmer: the configuration is `simple` with `unaccent`
-- in front of it, so that "tuyen giao" finds "Tuyên giáo" and "dang bo" finds "Đảng bộ" (unaccent maps đ to d).
-- to_tsvector with an explicit configuration is immutable, so the vector can be a generated column.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create text search configuration vietnamese_unaccent (copy = simple);
alter text search configuration vietnamese_unaccent
    alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part with unaccent, simple;

-- An immutable wrapper, for indexes on unaccented text (unaccent() itself is only stable).
create function immutable_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The search module's read model: one row per published dispatch, kept by its listeners. Numbers and symbols get
-- their own normalised column (`number_key`, e.g. "65 cv btgqu"), since "65-CV/BTGQU" breaks the text parser.
create table search_document (
    dispatch_id        bigint primary key references dispatch (id) on delete cascade,
    visibility         varchar(20)  not null,
    issuer_unit_id     bigint       not null,
    issuer_name        varchar(255) not null,
    type_code          varchar(10)  not null,
    issued_on          date         not null,
    number             integer      not null,
    number_key         varchar(120) not null,
    notation           varchar(120) not null,
    subject            text         not null,
    body               text         not null,
    attachment_text    text         not null default '',
    recipient_unit_ids bigint[]     not null,
    -- What ranking reads: small, so that ranking thousands of matches does not read every whole document.
    head               tsvector generated always as (
        setweight(to_tsvector('vietnamese_unaccent', coalesce(notation, '') || ' ' || coalesce(subject, '')), 'A') ||
        setweight(to_tsvector('vietnamese_unaccent', coalesce(issuer_name, '')), 'B')) stored,
    document           tsvector generated always as (
        setweight(to_tsvector('vietnamese_unaccent', coalesce(subject, '')), 'A') ||
        setweight(to_tsvector('vietnamese_unaccent', coalesce(issuer_name, '')), 'B') ||
        setweight(to_tsvector('vietnamese_unaccent', coalesce(body, '')), 'C') ||
        setweight(to_tsvector('vietnamese_unaccent', coalesce(attachment_text, '')), 'D')) stored
);
create index search_document_text_idx on search_document using gin (document);
create index search_document_number_idx on search_document (number);
create index search_document_recipients_idx on search_document using gin (recipient_unit_ids);
create index search_document_issued_idx on search_document (issued_on desc, dispatch_id desc);

-- Text extraction from attachments runs outside the request, from this durable queue: a job survives a crash and
-- is picked up again at the next start; a failure is recorded, not lost.
create table text_extraction_job (
    attachment_id bigint primary key references attachment (id) on delete cascade,
    dispatch_id   bigint       not null,
    status        varchar(20)  not null default 'PENDING',
    attempts      integer      not null default 0,
    last_error    varchar(1000),
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint text_extraction_status_check check (status in ('PENDING', 'DONE', 'FAILED'))
);
create index text_extraction_pending_idx on text_extraction_job (created_at) where status = 'PENDING';

create table attachment_text (
    attachment_id bigint primary key references attachment (id) on delete cascade,
    dispatch_id   bigint not null,
    content       text   not null
);
create index attachment_text_dispatch_idx on attachment_text (dispatch_id);
