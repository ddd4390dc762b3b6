-- Spring Modulith's event publication registry (its 2.0 schema for PostgreSQL, created here rather than by its own
-- schema initialisation so that Flyway owns every table). Each after-commit listener of an event gets a row in the
-- publishing transaction; the row is deleted when the listener completes, so what stays is work to retry (ADR 0024).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- A notice is written once per dispatch and address, also when its listener is retried after a crash.
create unique index mail_outbox_dispatch_recipient_idx on mail_outbox (dispatch_id, recipient);
