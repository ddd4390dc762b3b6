-- A draft's recipient lines are rewritten in one transaction; the unique position per role is checked at commit,
-- so that no order of the statements inside the transaction can trip over a line that is about to move or go.
alter table dispatch_recipient_line drop constraint recipient_line_position_unique;
alter table dispatch_recipient_line add constraint recipient_line_position_unique
    unique (dispatch_id, role, position) deferrable initially deferred;

-- The search filter lists the issuers a viewer may see by walking this index from one issuer to the next within a
-- visibility (a loose index scan), instead of reading every search document for a distinct list.
create index search_document_visibility_issuer_idx on search_document (visibility, issuer_unit_id);
