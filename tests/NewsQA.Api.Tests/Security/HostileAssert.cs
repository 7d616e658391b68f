using System.Net;
using NewsQA.Api.Tests.Reliability;

namespace NewsQA.Api.Tests.Security;

/// <summary>What every hostile probe against a real API process checks besides its status.</summary>
internal static class HostileAssert
{
    /// <summary>
    /// The answer: a problem+json with the status, a title, the stable <c>type</c> and a trace id when it is an
    /// error; and never the data folder, the store's file or engine, or .NET type names.
    /// </summary>
    public static async Task<string> AnswersAsync(string probe, HttpResponseMessage response, int status, string? problemType, string folder)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"{probe}: expected {status}, got {(int)response.StatusCode}: {body}");
        if (status >= 400)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, problemType);
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()), $"{probe}: no traceId in {body}");
        }

        NoInternals(probe, body, folder);
        return body;
    }

    public static void NoInternals(string probe, string body, string folder)
    {
        foreach (var leak in new[] { folder, "SQLite", "newsqa.db", "System.", "NewsQA." })
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{probe}: '{leak}' in {body}");
        }
    }

    /// <summary>
    /// No entry of the process's log printed a stack trace, except Kestrel's "Connection processing ended abnormally:
    /// Reading is already in progress": after the app has sent its 400 problem for some binary JSON bodies, Kestrel's
    /// drain of the unread body finds the request PipeReader left mid-read by the framework's JSON reading
    /// (dotnet/aspnetcore#17840, #52324). The client has its answer by then; the connection is closed.
    /// </summary>
    public static void NoStackTraces(ApiProcess api)
    {
        var traces = api.StackTraces.Where(e => !e.Contains("Reading is already in progress", StringComparison.Ordinal)).ToList();
        Assert.True(traces.Count == 0, $"{traces.Count} log entries with a stack trace:\n{string.Join("\n---\n", traces)}");
    }
}
