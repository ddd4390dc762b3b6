-- The signer of a received document, as printed at its foot (issue 13): competence ("K/T TRƯỞNG BAN",
-- "TM. ỦY BAN NHÂN DÂN"), position and full name. Any part may be missing (a scan whose foot was not read, a
-- document registered before this column), so each is nullable; a blank part is stored as null, never as ''.
-- The competence holds a dispatch's competence and the authority it acts for together (20 + 1 + 255 characters).
alter table incoming_entry
    add column signer_competence varchar(300),
    add column signer_position   varchar(255),
    add column signer_name       varchar(255),
    add constraint incoming_entry_signer_not_blank check (
        length(trim(signer_competence)) > 0 and length(trim(signer_position)) > 0 and length(trim(signer_name)) > 0);
