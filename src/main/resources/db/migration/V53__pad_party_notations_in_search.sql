-- Party numbers under 10 are printed with a leading zero since 2026-11-30 ("05-CT/TW", as state numbers are:
-- both rulebooks number from 01). The search read model keeps the notation it was indexed with; the few Party
-- documents numbered 1 to 9 are given the printed form, so that a result shows what the dispatch page shows (the head
-- vector is generated from it). A state notation ("05/QĐ-UBND") is already padded and has no hyphen after its number.
update search_document set notation = '0' || notation where notation ~ '^[1-9]-';
