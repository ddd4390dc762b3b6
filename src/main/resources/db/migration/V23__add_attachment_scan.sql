-- Malware scanning by clamd (ADR 0015). Files stored before scanning existed count as not scanned; once scanning is
-- required the retry job scans them like any pending file.
alter table attachment
    add column scan_state        varchar(20) not null default 'NOT_SCANNED',
    add column scan_signature    varchar(500),
    add column scanned_at        timestamp with time zone,
    add column scan_attempted_at timestamp with time zone,
    add constraint attachment_scan_state_check
        check (scan_state in ('PENDING', 'CLEAN', 'INFECTED', 'NOT_SCANNED')),
    add constraint attachment_scan_signature_check
        check ((scan_state = 'INFECTED') = (scan_signature is not null)),
    add constraint attachment_scanned_at_check
        check (scan_state not in ('CLEAN', 'INFECTED') or scanned_at is not null);

-- New rows say what became of their scan.
alter table attachment alter column scan_state drop default;

-- The retry job looks for the files still to be scanned.
create index attachment_scan_queue on attachment (scan_attempted_at nulls first, id)
    where scan_state in ('PENDING', 'NOT_SCANNED');
