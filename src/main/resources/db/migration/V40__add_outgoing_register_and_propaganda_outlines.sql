-- Sổ văn bản đi: a clerk's register lists the unit's numbered documents of one year. The index holds exactly those
-- rows (drafts have no number), by issuer and date, so a year of one unit is a range of it however many dispatches
-- the portal holds; the page sorts that range into number order per series.
create index dispatch_outgoing_register_idx on dispatch (issuer_unit_id, issued_on, id) where status <> 'DRAFT';

-- Đề cương tuyên truyền: a propaganda outline, a kind of attached file of its own (ADR 0037).
alter table attachment drop constraint attachment_kind_check;
alter table attachment add constraint attachment_kind_check
    check (kind in ('BRIEFING', 'APPENDIX', 'DOCUMENT', 'OTHER', 'PROPAGANDA_OUTLINE'));
