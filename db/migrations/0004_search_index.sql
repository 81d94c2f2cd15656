-- Full-text search over folded text (lowercase, tones and marks removed, đ/Đ/Ð -> d), written by the
-- application (db/queries/search-index.ts) because SQLite's own diacritic removal does not fold đ.
-- rowid = article id; only published articles are indexed. `published` (unix seconds, not searched) lets
-- results be ordered by rank then date without reading the articles table.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(title, sapo, body, keywords, published UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
