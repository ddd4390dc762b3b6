-- The edXML header of an incoming entry registered from an edXML message (ADR 0041): what the register has no
-- column for, kept so that a status message can answer the sender (ResponseFor) and nothing of the message is lost.
create table edxml_received (
    entry_id           bigint primary key references incoming_entry (id) on delete cascade,
    organ_id           varchar(100),
    organ_name         varchar(255),
    code_number        varchar(20),
    code_notation      varchar(100) not null,
    place              varchar(255),
    promulgation_date  date         not null,
    document_type      integer      not null,
    document_type_name varchar(255),
    signer_competence  varchar(255),
    signer_position    varchar(255),
    signer_name        varchar(255),
    priority           integer      not null,
    due_date           date,
    to_places          text[]       not null,
    content            text,
    document_id        varchar(500) not null,
    constraint edxml_received_priority check (priority between 0 and 4)
);
