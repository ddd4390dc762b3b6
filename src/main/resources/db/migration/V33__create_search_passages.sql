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

-- The issuer filter keeps V25's (visibility, issuer) index. Carrying the recipients in it (INCLUDE) was tried and
-- dropped before this migration landed: a btree entry holds at most 8 KB, and a dispatch sent to a few thousand units
-- has a larger recipient array, so indexing it failed (FanOutIntegrationTests).
