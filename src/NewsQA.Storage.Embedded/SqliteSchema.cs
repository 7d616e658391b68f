namespace NewsQA.Storage.Embedded;

/// <summary>
/// The embedded store's schema. Documents, chunks (with their vectors) and the FTS5 term index live in
/// one SQLite file, so one transaction writes a document completely or not at all; WAL with
/// synchronous=FULL makes a committed document survive a kill or power loss.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        """;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS documents (
            id             TEXT PRIMARY KEY,
            title          TEXT NOT NULL,
            url            TEXT,
            published      TEXT,
            published_from TEXT,
            published_to   TEXT,
            source         TEXT,
            text           TEXT NOT NULL,
            content_hash   TEXT NOT NULL,
            chunk_count    INTEGER NOT NULL,
            updated_at     TEXT NOT NULL,
            language       TEXT
        );
        CREATE TABLE IF NOT EXISTS chunks (
            rowid       INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx         INTEGER NOT NULL,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            vector      BLOB
        );
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, idx);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE IF NOT EXISTS document_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_grams USING fts5(grams, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_grams_vocab USING fts5vocab(chunk_grams, 'row');
        INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0');
        """;

    /// <summary>
    /// Whole-document terms (rowid = the document's rowid) for the document half of lexical scoring. A store written
    /// before they existed gets them once from its chunks' terms, in one transaction with the flag that says so.
    /// </summary>
    public const string BackfillDocumentTerms = """
        BEGIN IMMEDIATE;
        INSERT INTO document_terms (rowid, terms)
            SELECT d.rowid, coalesce((SELECT group_concat(t.terms, ' ') FROM chunks c JOIN chunk_terms t ON t.rowid = c.rowid WHERE c.document_id = d.id), '')
            FROM documents d WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'document_terms');
        INSERT OR IGNORE INTO meta (key, value) VALUES ('document_terms', '1');
        COMMIT;
        """;
}
