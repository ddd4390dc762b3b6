-- What the signatures of a stored PDF prove (ADR 0040), checked once per content and set of trust anchors: the same
-- bytes attached twice are checked once, and a change of the configured anchors makes every file be checked again.
create table pdf_signature_check (
    sha256         varchar(64)              not null,
    anchors_digest varchar(64)              not null,
    checked_at     timestamp with time zone not null,
    readable       boolean                  not null,
    primary key (sha256, anchors_digest)
);

create table pdf_signature (
    sha256              varchar(64)              not null,
    anchors_digest      varchar(64)              not null,
    position            integer                  not null,
    verdict             varchar(16)              not null,
    signer_name         varchar(500),
    signer_organization varchar(500),
    signed_at           timestamp with time zone,
    timestamped_at      timestamp with time zone,
    subject             varchar(2000),
    issuer              varchar(2000),
    serial_number       varchar(100),
    fingerprint         varchar(64),
    not_before          timestamp with time zone,
    not_after           timestamp with time zone,
    covers_whole_file   boolean                  not null,
    primary key (sha256, anchors_digest, position),
    foreign key (sha256, anchors_digest) references pdf_signature_check (sha256, anchors_digest) on delete cascade,
    constraint pdf_signature_verdict_check check (verdict in ('TAMPERED', 'EXPIRED', 'UNTRUSTED', 'VALID'))
);
