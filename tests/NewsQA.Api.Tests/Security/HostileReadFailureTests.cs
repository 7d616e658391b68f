using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Selection;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Issue 33 item 8 (the generic part): a store whose reads fail while it still answers (a damaged search index) gets
/// the answer a failed write gets: 503 naming the store, nothing internal, and readiness 503 telling the operator to
/// run <c>newsqa reindex</c>. The damage is played by fakes that throw what the engines throw on a damaged index:
/// SQLite's SQLITE_CORRUPT (error 11, "database disk image is malformed") and an IOException as Lucene.Net's
/// CorruptIndexException is one; they sit under the same read guard as the real store (StoreSelection.GuardStoreReads).
/// </summary>
public sealed class HostileReadFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Damages => ["sqlite", "io"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task DamagedSearchIndex_Search503_Ask503_Readiness503NamingReindex(string damage)
    {
        await using var app = new NewsQaApplication(services: s =>
        {
            s.AddSingleton<ILexicalIndex>(new FailingLexicalIndex(damage));
            s.GuardStoreReads("embedded store");
        });
        using var client = app.CreateClient();

        using var search = await client.PostAsJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        using var ask = await client.PostAsJsonAsync("/api/ask", new { question = "Wie viele Raketen will die Ukraine produzieren?" }, Ct);
        using var ready = await client.GetAsync("/health/ready", Ct);
        using var list = await client.GetAsync("/api/documents", Ct);

        foreach (var (probe, response) in new[] { ("8 search on a damaged index", search), ("8 ask on a damaged index", ask) })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
            Assert.Equal("Embedded store unavailable", problem.GetProperty("title").GetString());
            HostileAssert.NoInternals(probe, problem.ToString(), app.DataPath);
            Assert.DoesNotContain("malformed", problem.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var readiness = JsonNode.Parse(await ready.Content.ReadAsStringAsync(Ct))!.ToJsonString();
        Assert.Contains("newsqa reindex", readiness, StringComparison.Ordinal);
        HostileAssert.NoInternals("8 readiness on a damaged index", readiness, app.DataPath);
        // The documents themselves are intact: listing them still works.
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task DamagedDocumentRead_Is503NamingTheStore()
    {
        await using var app = new NewsQaApplication(services: s =>
        {
            var real = s.Last(d => d.ServiceType == typeof(IDocumentStore)).ImplementationFactory!;
            s.AddSingleton<IDocumentStore>(sp => new FailingDocumentReads((IDocumentStore)real(sp)));
            s.GuardStoreReads("embedded store");
        });
        using var client = app.CreateClient();

        using var read = await client.GetAsync("/api/documents/irgendwas", Ct);

        var problem = await ProblemAssert.IsProblemAsync(read, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
        HostileAssert.NoInternals("8 document read on a damaged file", problem.ToString(), app.DataPath);
    }

    /// <summary>
    /// A read that finds the store's file damaged (SQLITE_CORRUPT) stops writes too: nothing more goes into a damaged
    /// file. Writes answer 503 until a restart, and readiness names the command for the case.
    /// </summary>
    [Fact]
    public async Task AfterAReadFindsTheFileDamaged_WritesAre503_AndNothingIsWritten()
    {
        IDocumentStore? real = null;
        await using var app = new NewsQaApplication(services: s =>
        {
            var factory = s.Last(d => d.ServiceType == typeof(IDocumentStore)).ImplementationFactory!;
            s.AddSingleton<IDocumentStore>(sp => new FailingDocumentReads(real = (IDocumentStore)factory(sp)));
            s.GuardStoreReads("embedded store");
        });
        using var client = app.CreateClient();

        using var before = await client.PutAsJsonAsync("/api/documents/vorher", new { text = "Die Fähre nach Sylt fährt wieder nach Plan." }, Ct);
        using var read = await client.GetAsync("/api/documents/vorher", Ct);
        using var put = await client.PutAsJsonAsync("/api/documents/danach", new { text = "Die Bahn streikt am Montag in ganz Bayern." }, Ct);
        using var delete = await client.DeleteAsync("/api/documents/vorher", Ct);
        using var ready = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        foreach (var (probe, response) in new[] { ("8 write after damage", put), ("8 delete after damage", delete) })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
            HostileAssert.NoInternals(probe, problem.ToString(), app.DataPath);
        }

        Assert.Null(await real!.GetContentHashAsync("danach", Ct));
        Assert.NotNull(await real.GetContentHashAsync("vorher", Ct));
        var readiness = await ready.Content.ReadAsStringAsync(Ct);
        Assert.Contains("damaged", readiness, StringComparison.Ordinal);
        Assert.Contains("`newsqa reindex`", readiness, StringComparison.Ordinal);
    }

    /// <summary>A fake lexical index whose every search fails as a damaged index does.</summary>
    private sealed class FailingLexicalIndex(string damage) : ILexicalIndex
    {
        public Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
            throw Damage(damage);
    }

    /// <summary>A fake over the real document store whose single-document reads fail as a damaged file does; the rest passes through.</summary>
    private sealed class FailingDocumentReads(IDocumentStore inner) : IDocumentStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

        public Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default) => inner.UpsertAsync(document, chunks, cancellationToken);

        public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => inner.DeleteAsync(documentId, cancellationToken);

        public Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default) => throw Damage("sqlite");

        public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) => throw Damage("sqlite");

        public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => inner.GetContentHashAsync(documentId, cancellationToken);

        public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null) => inner.ListAsync(limit, afterId, cancellationToken, collection);

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);
    }

    private static Exception Damage(string damage) => damage == "sqlite"
        ? new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11)
        : new IOException("checksum failed (hardware problem?) : expected=1 actual=2 (resource=/data/lexical/_0.cfs)");
}
