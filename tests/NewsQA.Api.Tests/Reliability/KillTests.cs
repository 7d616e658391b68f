using NewsQA.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// Durability under SIGKILL: the real API bulk-ingests ~200 German news articles over HTTP and is killed at
/// random moments. After every restart each listed document is complete (text, chunks covering it, valid spans,
/// findable by search), nothing is half-written, every acknowledged write survived, and re-running the ingest
/// ends with the full count. Set NEWSQA_KILLTEST_REPORT to a file path to get the numbers as JSON.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class KillTests
{
    private const int Rounds = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledDuringBulkIngestLosesNoAcknowledgedWriteAndLeavesNoPartialDocument()
    {
        var articles = LoadArticles();
        var seed = Environment.GetEnvironmentVariable("NEWSQA_KILLTEST_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        using var data = new TempFolder("newsqa-kill-");
        var acknowledged = new ConcurrentDictionary<string, byte>();
        var report = new List<object>();
        var total = Stopwatch.StartNew();
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                await using var api = await ApiProcess.StartAsync(data, cancellationToken: Ct);
                var before = (await VerifyAsync(api, data, acknowledged, random)).Documents;

                // Each round changes every article, so every request is a real write (an update after round 1)
                // and a kill can land inside any transaction, not only on "unchanged" short-cuts.
                using var stop = new CancellationTokenSource();
                var ingest = IngestAsync(api.Client, articles.Select(a => a.InRound(round)).ToList(), acknowledged, stop.Token);
                var delay = random.Next(100, 1_500);
                await Task.WhenAny(ingest, Task.Delay(delay, Ct));
                await api.KillAsync();
                await stop.CancelAsync();
                var sent = await ingest;

                await using var restarted = await ApiProcess.StartAsync(data, cancellationToken: Ct);
                var after = await VerifyAsync(restarted, data, acknowledged, random);
                var rareWords = await RareWordsAsync(restarted.Client, random);
                var caughtUp = await MatchesAsync(restarted.Client, rareWords);
                Assert.All(caughtUp, m => Assert.NotEmpty(m));

                // Only words that match less than a page: their whole match set is compared.
                var sampled = rareWords.Count;
                rareWords = [.. rareWords.Where((_, i) => caughtUp[i].Count < 50)];
                caughtUp = [.. caughtUp.Where(m => m.Count < 50)];
                // Enough of them that the comparison below says something; an article's longest word can be common (or match
                // many articles through its grams), so twenty are sampled for five. A kill early in the first round can leave
                // fewer articles than that, each of whose words then matches less than a page: all of them are compared.
                Assert.True(rareWords.Count >= Math.Min(5, sampled), $"only {rareWords.Count} of {sampled} sampled words are rare");
                await restarted.KillAsync();
                var fresh = await FreshIndexMatchesAsync(data, rareWords);
                for (var i = 0; i < rareWords.Count; i++)
                {
                    Assert.True(fresh[i].SequenceEqual(caughtUp[i]), $"'{rareWords[i]}': only after the restart: {string.Join(", ", caughtUp[i].Except(fresh[i]))}; only in a fresh index: {string.Join(", ", fresh[i].Except(caughtUp[i]))}");
                }
                report.Add(new { round, killAfterMs = delay, documentsBefore = before, acknowledgedThisRound = sent, documentsAfterRestart = after.Documents, after.Chunks, after.Searched, comparedWithFreshIndex = rareWords.Count });
            }

            await using (var final = await ApiProcess.StartAsync(data, cancellationToken: Ct))
            {
                var statuses = await IngestAllAsync(final.Client, articles);
                Assert.All(statuses, st => Assert.True(st is HttpStatusCode.OK or HttpStatusCode.Created, $"re-ingest answered {st}"));
                var complete = await VerifyAsync(final, data, acknowledged, random);
                Assert.Equal(articles.Count, complete.Documents);
                await DeleteIsImmediateAndDurableAsync(final, data, articles[random.Next(articles.Count)]);
                report.Add(new { final = true, reingested = statuses.Count, complete.Documents, complete.Chunks });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The kill points are random: the seed is what makes a failure reproducible.
            throw new Xunit.Sdk.XunitException($"Kill test failed with seed {seed} (rerun with NEWSQA_KILLTEST_SEED={seed}): {ex.Message}", ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        if (Environment.GetEnvironmentVariable("NEWSQA_KILLTEST_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { seed, rounds = report, seconds = Math.Round(total.Elapsed.TotalSeconds, 1) }, new JsonSerializerOptions { WriteIndented = true }), Ct);
        }
    }

    private static async Task DeleteIsImmediateAndDurableAsync(ApiProcess api, string data, Article victim)
    {
        var doc = await api.Client.GetFromJsonAsync<JsonElement>($"/api/documents/{victim.Id}", Ct);
        var query = QueryFrom(doc.GetProperty("text").GetString()!, doc.GetProperty("chunks")[0].GetProperty("span"));
        Assert.Contains(victim.Id, await SearchIdsAsync(api.Client, query));

        var delete = await api.Client.DeleteAsync($"/api/documents/{victim.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.DoesNotContain(victim.Id, await SearchIdsAsync(api.Client, query));
        var ask = await api.Client.PostAsJsonAsync("/api/ask", new { question = query }, Ct);
        Assert.DoesNotContain(victim.Id, await ask.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"/api/documents/{victim.Id}", Ct)).StatusCode);

        await api.KillAsync();
        await using var restarted = await ApiProcess.StartAsync(data, cancellationToken: Ct);
        Assert.DoesNotContain(victim.Id, await SearchIdsAsync(restarted.Client, query));
        Assert.Equal(HttpStatusCode.NotFound, (await restarted.Client.GetAsync($"/api/documents/{victim.Id}", Ct)).StatusCode);
    }

    /// <summary>
    /// The lexical index after a kill and restart (caught up from the store's change log) against one built afresh from
    /// the same SQLite file: every document a rare word finds, in both, with no ghost of an older version and no gap. Rare
    /// words match fewer chunks than a page holds, so the whole match set is compared, whatever Lucene's statistics of
    /// replaced chunks do to the scores.
    /// </summary>
    private static async Task<List<List<string>>> FreshIndexMatchesAsync(string data, IReadOnlyList<string> words)
    {
        using var copy = new TempFolder("newsqa-kill-fresh-");
        foreach (var file in Directory.EnumerateFiles(data))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        await using var fresh = await ApiProcess.StartAsync(copy, cancellationToken: Ct);

        // The index is built in the background; readiness says when.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await fresh.Client.GetAsync("/health/ready", Ct)).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        return await MatchesAsync(fresh.Client, words);
    }

    /// <summary>The longest word of a few random stored documents: each is found in a handful of chunks.</summary>
    private static async Task<List<string>> RareWordsAsync(HttpClient client, Random random)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/documents?limit=1000", Ct);
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).OrderBy(_ => random.Next()).Take(20).ToList();
        var words = new List<string>();
        foreach (var id in ids)
        {
            var text = (await client.GetFromJsonAsync<JsonElement>($"/api/documents/{Uri.EscapeDataString(id)}", Ct)).GetProperty("text").GetString()!;
            words.Add(text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsLetter)])).MaxBy(w => w.Length)!);
        }

        return words;
    }

    private static async Task<List<List<string>>> MatchesAsync(HttpClient client, IReadOnlyList<string> words)
    {
        var matches = new List<List<string>>();
        foreach (var word in words)
        {
            var response = await client.PostAsJsonAsync("/api/search", new { query = word, top = 50, mode = "lexical" }, Ct);
            var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results");
            // Documents, not passages: a search shows a document's best passage, and which passage is best may differ
            // in the last digits of a score (Lucene counts replaced chunks in its statistics until a merge).
            matches.Add([.. results.EnumerateArray().Select(r => r.GetProperty("documentId").GetString()!).Distinct().Order(StringComparer.Ordinal)]);
        }

        return matches;
    }

    /// <summary>Checks every invariant over HTTP and, read-only, in the SQLite file; returns what it saw.</summary>
    private static async Task<(int Documents, int Chunks, int Searched)> VerifyAsync(ApiProcess api, string data, ConcurrentDictionary<string, byte> acknowledged, Random random)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.Client.GetFromJsonAsync<JsonElement>("/api/documents?limit=1000" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), Ct);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        var missing = acknowledged.Keys.Except(ids).ToList();
        Assert.True(missing.Count == 0, $"acknowledged but lost after kill: {string.Join(", ", missing.Take(10))}");

        var chunkCount = 0;
        var texts = new Dictionary<string, (string Text, JsonElement Chunks)>();
        foreach (var id in ids)
        {
            var doc = await api.Client.GetFromJsonAsync<JsonElement>($"/api/documents/{Uri.EscapeDataString(id)}", Ct);
            var text = doc.GetProperty("text").GetString()!;
            var chunks = doc.GetProperty("chunks");
            Assert.False(string.IsNullOrWhiteSpace(text), $"{id} has no text");
            Assert.True(chunks.GetArrayLength() > 0, $"{id} has no chunks");
            var covered = new bool[text.Length];
            foreach (var chunk in chunks.EnumerateArray())
            {
                var span = chunk.GetProperty("span");
                int start = span.GetProperty("start").GetInt32(), end = span.GetProperty("end").GetInt32();
                Assert.True(start >= 0 && start < end && end <= text.Length, $"{id}: span [{start},{end}) invalid for {text.Length} chars");
                Array.Fill(covered, true, start, end - start);
                chunkCount++;
            }

            var gap = Array.FindIndex(covered, c => !c);
            while (gap >= 0 && char.IsWhiteSpace(text[gap]))
            {
                gap = Array.FindIndex(covered, gap + 1, c => !c);
            }

            Assert.True(gap < 0, $"{id}: character {gap} is in no chunk");
            texts[id] = (text, chunks);
        }

        var sample = ids.OrderBy(_ => random.Next()).Take(8).ToList();
        foreach (var id in sample)
        {
            var (text, chunks) = texts[id];
            var chunk = chunks[random.Next(chunks.GetArrayLength())];
            var query = QueryFrom(text, chunk.GetProperty("span"));
            var response = await api.Client.PostAsJsonAsync("/api/search", new { query, top = 5, filter = new { documentIds = new[] { id } } }, Ct);
            var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results");
            Assert.True(results.GetArrayLength() > 0, $"search for '{query}' did not find {id}");
            foreach (var hit in results.EnumerateArray())
            {
                var span = hit.GetProperty("span");
                Assert.Equal(id, hit.GetProperty("documentId").GetString());
                Assert.Equal(text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()], hit.GetProperty("text").GetString());
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/ready", Ct)).StatusCode);
        CheckFile(Path.Combine(data, "newsqa.db"), ids.Count);
        return (ids.Count, chunkCount, sample.Count);
    }

    /// <summary>The SQLite file itself: no chunk without its document, no document without chunks, no log entry past its pruning.</summary>
    private static void CheckFile(string file, int listed)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Scalar(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return (long)cmd.ExecuteScalar()!;
        }

        Assert.Equal(listed, Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM documents d WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM lexical_log l WHERE l.seq <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'lexical_pruned_through')"));
        Assert.Equal("ok", Scalar("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") == 1 ? "ok" : "corrupt");
    }

    private static string QueryFrom(string text, JsonElement span)
    {
        var passage = text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
        var words = passage.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 3)
            .Take(8);
        return string.Join(' ', words);
    }

    private static async Task<List<string>> SearchIdsAsync(HttpClient client, string query)
    {
        var response = await client.PostAsJsonAsync("/api/search", new { query, top = 50 }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("documentId").GetString()!).ToList();
    }

    /// <summary>Two writers, like a bulk import; records each write the server acknowledged. Stops quietly when the server dies.</summary>
    private static async Task<int> IngestAsync(HttpClient client, IReadOnlyList<Article> articles, ConcurrentDictionary<string, byte> acknowledged, CancellationToken stop)
    {
        var sent = 0;
        try
        {
            await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stop }, async (article, ct) =>
            {
                using var response = await client.PostAsJsonAsync("/api/documents", article.Body, ct);
                if (response.IsSuccessStatusCode)
                {
                    acknowledged[article.Id] = 0;
                    Interlocked.Increment(ref sent);
                }
            });
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The server was killed mid-request: that write is neither acknowledged nor required.
        }

        return sent;
    }

    private static async Task<List<HttpStatusCode>> IngestAllAsync(HttpClient client, IReadOnlyList<Article> articles)
    {
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(articles, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = Ct }, async (article, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/documents", article.Body, ct);
            statuses.Add(response.StatusCode);
        });
        return [.. statuses];
    }

    private static List<Article> LoadArticles() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "gnad200.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => new Article(e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!, "DER STANDARD / " + e.GetProperty("category").GetString()))
            .ToList();

    private sealed record Article(string Id, string Text, string Source)
    {
        public object Body => new { id = Id, text = Text, source = Source };

        public Article InRound(int round) => this with { Text = Text + $"\n\nStand der Meldung: Durchlauf {round}." };
    }
}
