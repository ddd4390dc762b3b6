-- The unit pickers search names with or without diacritics ("ben nghe" finds "Bến Nghé"): a trigram index on the
-- unaccented, lower-cased name lets "contains" searches stay fast at tens of thousands of units.
create index unit_name_search_idx on unit using gin (lower(immutable_unaccent(name)) gin_trgm_ops);
