namespace NewsQA.Storage.Embedded;

/// <summary>
/// The embedded store's schema. Documents, chunks (their spans and vectors; their text is the document's) and the log
/// of changes the lexical index applies live in one SQLite file, so one transaction writes a document completely or
/// not at all; WAL with synchronous=FULL makes a committed document survive a kill or power loss.
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
            language       TEXT,
            file_name      TEXT,
            collection     TEXT NOT NULL DEFAULT 'default'
        );
        CREATE TABLE IF NOT EXISTS chunks (
            rowid       INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx         INTEGER NOT NULL,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            vector      BLOB
        );
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id, idx);
        CREATE TABLE IF NOT EXISTS collections (
            name TEXT PRIMARY KEY
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0');
        """;

    /// <summary>
    /// A file written before the lexical index moved to Lucene: its FTS5 tables go (the Lucene index is built from the
    /// documents on open).
    /// </summary>
    public const string DropFts5 = """
        DROP TABLE IF EXISTS chunk_grams_vocab;
        DROP TABLE IF EXISTS chunk_grams;
        DROP TABLE IF EXISTS chunk_terms;
        DROP TABLE IF EXISTS document_terms;
        DELETE FROM meta WHERE key = 'document_terms';
        """;
}
