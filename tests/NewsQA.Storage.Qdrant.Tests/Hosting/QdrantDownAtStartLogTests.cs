using Microsoft.Extensions.Logging;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing;
using NewsQA.Testing.Hosting;

namespace NewsQA.Storage.Qdrant.Tests.Hosting;

/// <summary>
/// Qdrant unreachable at start used to write hundreds of lines of retry stack traces (issue 12, item 19). The
/// operator's log stays short by what is written, not by a quiet log level: every category at Information,
/// Polly's and gRPC's included, is counted here through a test logger, exception text included.
/// </summary>
public sealed class QdrantDownAtStartLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QdrantDown_LogsAFewLinesPerRetry_AndNoStackTraces()
    {
        await using var qdrant = await FakeQdrantServer.StartNewAsync();
        var url = qdrant.Url;
        await qdrant.StopAsync();
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(
            new Dictionary<string, string?>
            {
                ["Store:Provider"] = "Qdrant",
                ["Store:Qdrant:Url"] = url.ToString(),
                ["Store:Qdrant:CollectionPrefix"] = QdrantTestStores.UniquePrefix(),
                // The shipped level, with appsettings.json's quieter Polly category lifted.
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Polly"] = "Information",
                ["Logging:LogLevel:Grpc"] = "Information",
            },
            log.Install);
        using var client = app.CreateClient();

        // Two background retries (1 s, then 2 s later); the bound only keeps a broken build from hanging.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (Retries(log) < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Ct);
        }

        var entries = log.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        var report = string.Join("\n", entries.Select(e => $"{e.Level} {e.Category}: {e.Message}{(e.Exception is null ? "" : "\n" + e.Exception)}"));
        Assert.True(Retries(log) >= 2, $"no second retry logged:\n{report}");
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        // The start-up line reads as one sentence and then the reason, whatever punctuation the reason ends with.
        var unavailable = Assert.Single(entries, e => e.Message.Contains("is unavailable", StringComparison.Ordinal));
        Assert.StartsWith("Qdrant is unavailable; the API answers 503 and retries in the background until it answers. Reason: Qdrant cannot be reached for ", unavailable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", unavailable.Message, StringComparison.Ordinal);
        var lines = entries.Sum(e => e.Message.Split('\n').Length);
        // The start (mode, access, rate limit, "Qdrant is unavailable") and one line per failed call and per retry.
        Assert.True(lines <= 12 + (3 * Retries(log)), $"{lines} lines:\n{report}");
    }

    private static int Retries(CapturedLog log) => log.Entries.Count(e => e.Message.Contains("still unavailable after", StringComparison.Ordinal));
}
