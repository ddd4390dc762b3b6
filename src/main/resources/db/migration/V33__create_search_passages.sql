-- Passages are cut from bounded pieces of the attachment text, not from the whole text: ts_headline parses all the
-- text it is given (30 ms and more for a 300 KB annex, per row of the page). The attachment text is kept in pieces of
-- 4,000 characters that overlap by 200 (a word cut at one piece's end is whole in the next); the passage of a found
-- dispatch comes from the first piece whose words match the query, looked up by the primary key, so a word deep in a
-- long annex is still shown in its context. Matching and ranking do not read this table.
create table search_passage (
    dispatch_id bigint  not null references search_document (dispatch_id) on delete cascade,
    piece       integer not null,
    content     text    not null,
    words       tsvector generated always as (to_tsvector('vietnamese_unaccent', content)) stored,
    primary key (dispatch_id, piece)
);

insert into search_passage (dispatch_id, piece, content)
select d.dispatch_id, p.piece, substr(d.attachment_text, (p.piece - 1) * 4000 + 1, 4200)
from search_document d, generate_series(1, ceil(length(d.attachment_text) / 4000.0)::integer) p (piece)
where d.attachment_text <> '';

-- The issuer filter names an issuer of restricted dispatches only to a member whose unit received one of them; with
-- the recipients in the index, that is checked inside the index and stops at the first such dispatch, instead of
-- reading every dispatch sent to the unit. The walk from one issuer to the next (V25) uses the same index.
create index search_document_visibility_issuer_recipients_idx
    on search_document (visibility, issuer_unit_id) include (recipient_unit_ids);
drop index search_document_visibility_issuer_idx;
