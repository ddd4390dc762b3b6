-- A broad query (more than 1,000 matches) ranks its newest 200 matches (ADR 0025). It used to find them by walking
-- the newest dispatches along the date index and testing each one's whole document vector, read from TOAST; a word
-- in a fifth of the dispatches failed that walk and then paid a window over the whole GIN index too (ADR 0052).
-- The newest 4,096 search documents are marked `recent` and indexed apart: a bitmap scan of this small GIN index
-- finds every match among them without reading a document vector. The marked rows are always a prefix of the order
-- (issued_on desc, dispatch_id desc), so the newest matches found among them are the newest matches overall
-- (ADR 0057). SearchIndex keeps the prefix on every write, under an advisory lock.
alter table search_document add column recent boolean not null default false;

update search_document set recent = true
where dispatch_id in (select dispatch_id from search_document
                      order by issued_on desc, dispatch_id desc limit 4096);

create index search_document_recent_text_idx on search_document using gin (document) where recent;

-- Keeping the prefix: the recent rows older than the boundary and the others newer than it are each one range of
-- this index, found without reading the heap (a handful of rows per publication).
create index search_document_recent_idx on search_document (recent, issued_on desc, dispatch_id desc);
