-- Passages are cut from shorter pieces (1,000 characters overlapping by 100 instead of 4,000 by 200): ts_headline
-- parses all the text it is given, and with a body opening and a 4,200-character piece per row the 20 passages of a
-- page cost more than finding the dispatches (ADR 0025). The pieces are cut again from the indexed attachment text.
truncate search_passage;

insert into search_passage (dispatch_id, piece, content)
select d.dispatch_id, p.piece, substr(d.attachment_text, (p.piece - 1) * 1000 + 1, 1100)
from search_document d, generate_series(1, ceil(length(d.attachment_text) / 1000.0)::integer) p (piece)
where d.attachment_text <> '';
