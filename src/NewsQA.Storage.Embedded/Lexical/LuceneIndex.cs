using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// The Lucene.Net index folder (<c>lexical/</c> in the data directory): one writer per folder (Lucene's lock; another
/// process on the same folder searches the writer's last commit and leaves applying to it), searchers that see
/// every applied change (near-real-time), and commits that record the last applied log sequence number and the store's
/// identity (<see cref="LexicalLog"/>). Everything here is derived: losing it loses nothing.
/// </summary>
internal sealed partial class LuceneIndex(string folder, ILogger logger) : IDisposable
{
    public const string SequenceKey = "seq";
    public const string StoreKey = "store";

    /// <summary>What the index's norms and fields mean; an index written with another is rebuilt, not misread.</summary>
    public const string FormatKey = "format";

    /// <remarks>-2: every entry holds its document's collection (<see cref="LexicalFields.Collection"/>), which each search filters by.</remarks>
    public const string Format = "chunk-bm25-exact-length-2";

    private readonly object gate = new();
    private readonly ChunkBm25 similarity = new();
    private FSDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;
    private volatile bool stale;
    private long committed;
    private DateTime lastLockAttempt = DateTime.MinValue;

    /// <summary>The last log sequence number whose change this process has applied (or read from the folder's commit).</summary>
    public long Applied { get; private set; }

    /// <summary>The store identity the folder's last commit names (null for a new or foreign folder).</summary>
    public string? CommittedStore { get; private set; }

    /// <summary>The <see cref="Format"/> the folder's last commit names (null for a new folder or an older build's).</summary>
    public string? CommittedFormat { get; private set; }

    public bool IsWriter => writer is not null;

    public long Uncommitted => Applied - committed;

    /// <summary>When a change was last applied.</summary>
    public DateTime LastChange { get; private set; } = DateTime.MinValue;

    /// <summary>Opens the folder, as its writer when no other process is. Throws on an unreadable index (the caller rebuilds).</summary>
    public void Open()
    {
        System.IO.Directory.CreateDirectory(folder);
        directory = FSDirectory.Open(folder);
        TryTakeWriter(force: true);
        RefreshCommitted();
    }

    /// <summary>For a process that is not the writer: searches and <see cref="Applied"/> follow the writer's latest commit.</summary>
    public void RefreshCommitted()
    {
        lock (gate)
        {
            if (writer is not null || directory is null)
            {
                return;
            }

            try
            {
                if (searchers is null)
                {
                    if (!DirectoryReader.IndexExists(directory))
                    {
                        return;
                    }

                    searchers = new SearcherManager(directory, new Searchers(similarity));
                }
                else
                {
                    searchers.MaybeRefreshBlocking();
                }
            }
            catch (IOException)
            {
                // The writer was committing or merging under our feet: the next refresh sees a whole commit.
                return;
            }

            var searcher = searchers.Acquire();
            try
            {
                ReadCommit(((DirectoryReader)searcher.IndexReader).IndexCommit.UserData);
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>Deletes the folder's contents and opens it empty: the start of a rebuild.</summary>
    public void Recreate()
    {
        Close();
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        System.IO.Directory.CreateDirectory(folder);
        directory = FSDirectory.Open(folder);
        TryTakeWriter(force: true);
        if (writer is null)
        {
            throw new IOException("another process holds the lexical index");
        }

        Applied = 0;
        committed = 0;
        CommittedStore = null;
    }

    /// <summary>For a process that is not the writer: takes the writer over once the process holding it has gone (tried at most every few seconds).</summary>
    public bool TryTakeWriter(bool force = false)
    {
        lock (gate)
        {
            if (writer is not null || directory is null || (!force && DateTime.UtcNow - lastLockAttempt < TimeSpan.FromSeconds(5)))
            {
                return writer is not null;
            }

            lastLockAttempt = DateTime.UtcNow;
            try
            {
                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    Similarity = similarity,
                    RAMBufferSizeMB = 48,
                };
                writer = new IndexWriter(directory, config);
            }
            catch (LockObtainFailedException)
            {
                return false;
            }

            searchers?.Dispose();
            searchers = new SearcherManager(writer, applyAllDeletes: true, new Searchers(similarity));
            ReadCommit(writer.CommitData);
            return true;
        }
    }

    /// <summary>Replaces the chunks of one document (none: it was deleted) and records <paramref name="sequence"/> as applied.</summary>
    public void Apply(string documentId, IEnumerable<Document> chunks, long sequence)
    {
        var w = writer ?? throw new InvalidOperationException("Only the index's writer applies changes.");
        w.UpdateDocuments(new Term(LexicalFields.Document, documentId), chunks);
        Applied = Math.Max(Applied, sequence);
        LastChange = DateTime.UtcNow;
        stale = true;
    }

    /// <summary>Records a catch-up or rebuild as applied through <paramref name="sequence"/>.</summary>
    public void AppliedThrough(long sequence)
    {
        Applied = Math.Max(Applied, sequence);
        LastChange = DateTime.UtcNow;
        stale = true;
    }

    /// <summary>Commits what was applied, naming the last sequence number and the store in the commit; returns it.</summary>
    public long Commit(string storeId)
    {
        lock (gate)
        {
            var w = writer ?? throw new InvalidOperationException("Only the index's writer commits.");
            var through = Applied;
            w.SetCommitData(new Dictionary<string, string>
            {
                [SequenceKey] = through.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [StoreKey] = storeId,
                [FormatKey] = Format,
            });
            w.Commit();
            committed = through;
            CommittedStore = storeId;
            CommittedFormat = Format;
            return through;
        }
    }

    /// <summary>
    /// The <paramref name="top"/> best (chunk row id, score) pairs: the <paramref name="depth"/> best by the search's
    /// finding query under the filter, rescored by its rescoring query (score = first + second).
    /// </summary>
    public List<(long RowId, double Score)> Search(Func<IndexReader, LexicalSearch?> search, Filter? filter, int depth, int top)
    {
        if (searchers is not { } manager)
        {
            // Not the writer, and the writer has committed nothing yet.
            return [];
        }

        if (stale && writer is not null)
        {
            stale = false;
            manager.MaybeRefreshBlocking();
        }

        var searcher = manager.Acquire();
        try
        {
            if (search(searcher.IndexReader) is not { } q)
            {
                return [];
            }

            var candidates = searcher.Search(q.Find, filter, Math.Max(depth, top)).ScoreDocs;
            if (candidates.Length == 0)
            {
                return [];
            }

            // The second pass scores the candidates alone: the filter of their ids leads, and each clause's postings skip
            // to the next candidate (leap-frog), so a gram found in most chunks costs a few skips, not a walk over its
            // whole list. A candidate it does not match keeps its first score.
            var scores = candidates.ToDictionary(c => c.Doc, c => (double)c.Score);
            var rescore = new FilteredQuery(q.Rescore, new CandidateFilter(scores.Keys), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
            foreach (var extra in searcher.Search(rescore, candidates.Length).ScoreDocs)
            {
                scores[extra.Doc] += extra.Score;
            }

            var hits = new List<(long, double)>(Math.Min(top, scores.Count));
            foreach (var (doc, score) in scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(top))
            {
                var row = searcher.Doc(doc).GetField(LexicalFields.Row).GetInt64Value() ?? throw new InvalidDataException("A lexical index entry has no row id.");
                hits.Add((row, score));
            }

            return hits;
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Bytes of the index folder (for statistics and the scale benchmark).</summary>
    public long SizeOnDisk() =>
        System.IO.Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length) : 0;

    public void Dispose() => Close();

    private void Close()
    {
        lock (gate)
        {
            try
            {
                searchers?.Dispose();
                writer?.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // What was not committed is still in the log and is applied on the next start.
                LogCloseFailed(logger, ex.GetType().Name);
            }

            searchers = null;
            writer = null;
            directory?.Dispose();
            directory = null;
        }
    }

    private void ReadCommit(IDictionary<string, string>? data)
    {
        var sequence = data is not null && data.TryGetValue(SequenceKey, out var s) && long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        Applied = sequence;
        committed = sequence;
        CommittedStore = data is not null && data.TryGetValue(StoreKey, out var store) ? store : null;
        CommittedFormat = data is not null && data.TryGetValue(FormatKey, out var format) ? format : null;
    }

    /// <summary>Every searcher scores with <see cref="ChunkBm25"/>, as the writer stores norms with it.</summary>
    private sealed class Searchers(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lexical index not closed cleanly ({Error}); its log entries are applied again on the next start")]
    private static partial void LogCloseFailed(ILogger logger, string error);
}
