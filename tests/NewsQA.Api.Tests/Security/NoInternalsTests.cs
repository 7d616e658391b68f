using NewsQA.Testing;
using NewsQA.Testing.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// A store that cannot be opened: readers get a plain sentence with the request id, never the file path or
/// SQLite's words; the log has the details under the same id.
/// </summary>
public sealed class NoInternalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrokenStoreAnswers503AndStreamErrorsWithoutPathsOrSqliteText()
    {
        using var blocker = new TempFolder("newsqa-broken-");
        // Data:Path is a file: the store cannot create its folder, let alone open newsqa.db.
        var dataPath = Path.Combine(blocker, "not-a-folder");
        await File.WriteAllTextAsync(dataPath, "x", Ct);
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Data:Path"] = dataPath }, log.Install);
        using var client = app.CreateClient();

        var search = await client.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct);
        using var stream = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "Wer streikt?" }) };
        stream.Headers.Accept.ParseAdd("text/event-stream");
        var streamed = await client.SendAsync(stream, Ct);
        var events = await streamed.Content.ReadAsStringAsync(Ct);
        var ready = await (await client.GetAsync("/health/ready", Ct)).Content.ReadAsStringAsync(Ct);

        var problem = await ProblemAssert.IsProblemAsync(search, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Contains(traceId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("event: error", events, StringComparison.Ordinal);
        foreach (var text in new[] { problem.ToString(), events, ready })
        {
            Assert.DoesNotContain(blocker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("newsqa.db", text, StringComparison.Ordinal);
        }

        Assert.Contains(log.Entries, e => e.Message.Contains(traceId, StringComparison.Ordinal) && e.Message.Contains(blocker, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Exception is not null && e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }
}
