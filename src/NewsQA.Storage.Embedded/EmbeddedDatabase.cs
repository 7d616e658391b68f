using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded.Lexical;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The embedded store's SQLite file and what its parts share over it: opening (schema, upgrades of older files, the
/// in-memory <see cref="StoreMirror"/> loaded, the lexical index opened and caught up), connections, and the gate that
/// serializes this process's writes.
/// </summary>
internal sealed partial class EmbeddedDatabase : IDisposable
{
    private readonly IOptions<EmbeddedStoreOptions> options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim initGate = new(1, 1);
    private string? connectionString;

    public EmbeddedDatabase(IOptions<EmbeddedStoreOptions> options, ITermAnalyzer analyzer, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        Mirror = new StoreMirror(options.Value.QuantizedSearchFrom, WriteGate, logger);
        Lexical = new LexicalIndexSync(this, new LuceneIndex(options.Value.LexicalIndexFolder, logger), new StoredDocuments(analyzer), logger);
    }

    /// <summary>Serializes this process's writes, so each is mirrored into memory in commit order (reloads take it too).</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public StoreMirror Mirror { get; }

    /// <summary>The Lucene index of the chunks' terms, derived from this file.</summary>
    public LexicalIndexSync Lexical { get; }

    /// <summary>Opens the file once: creates or upgrades the schema and loads the mirror. Throws <see cref="StoreUnavailableException"/>.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connectionString is not null)
            {
                return;
            }

            var file = options.Value.DatabaseFile;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var cs = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
                await using var connection = new SqliteConnection(cs);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                // Before the first write (WAL mode is one): another program's file, or a newer NewsQA's, stays as it is.
                await SchemaVersion.CheckAsync(connection, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, SqliteSchema.Pragmas, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, SqliteSchema.DropFts5, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, LexicalLog.Create, cancellationToken).ConfigureAwait(false);
                await ChunkTextColumn.DropAsync(connection, cancellationToken).ConfigureAwait(false);
                await LanguageBackfill.RunAsync(connection, cancellationToken).ConfigureAwait(false);
                await FileNameColumn.AddAsync(connection, cancellationToken).ConfigureAwait(false);
                await CollectionColumn.AddAsync(connection, cancellationToken).ConfigureAwait(false);
                await StoryTables.AddAsync(connection, cancellationToken).ConfigureAwait(false);
                await SchemaVersion.StampAsync(connection, cancellationToken).ConfigureAwait(false);
                await Mirror.LoadAsync(connection, cancellationToken).ConfigureAwait(false);
                await Lexical.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
                connectionString = cs;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"The embedded store at '{file}' cannot be opened: {ex.Message}", ex) { Component = "embedded store" };
            }

            LogOpened(logger, file, Mirror.Summaries.Count, Mirror.VectorCount);
        }
        finally
        {
            initGate.Release();
        }
    }

    /// <summary>An open connection with the per-connection settings, opening the file first if no one has yet.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connectionString is null)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings: durability of each commit and cascading deletes.
            await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Unavailable("open", ex);
        }
    }

    public static StoreUnavailableException Unavailable(string operation, SqliteException ex) =>
        new($"The embedded store could not {operation}: {ex.Message}", ex) { Component = "embedded store" };

    public void Dispose()
    {
        if (connectionString is not null)
        {
            SqliteConnection.ClearAllPools();
        }

        Lexical.Dispose();
        Mirror.Dispose();
        WriteGate.Dispose();
        initGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store {File}: {DocumentCount} documents, {VectorCount} vectors loaded")]
    private static partial void LogOpened(ILogger logger, string file, int documentCount, int vectorCount);
}
