namespace NewsQA.Api.Tests.Reliability;

/// <summary>The watch the process tests rely on to say "no stack trace in the log": it must see one when there is one.</summary>
public sealed class StackTraceWatchTests
{
    [Fact]
    public void KeepsTheEntryOfEachTrace_WithoutItsFrames_AndNothingElse()
    {
        var watch = new StackTraceWatch();
        string[] log =
        [
            "2026-01-01T10:00:00.000 info: Microsoft.Hosting.Lifetime[14]",
            "      Now listening on: http://127.0.0.1:5000",
            "2026-01-01T10:00:01.000 fail: Microsoft.AspNetCore.Server.Kestrel[13]",
            "      => ConnectionId:0HN RequestPath:/api/ask",
            "      Connection id \"0HN\", Request id \"0HN:1\": An unhandled exception was thrown by the application.",
            "      System.InvalidOperationException: broken",
            "         at NewsQA.Api.Endpoints.AskApi.AskAsync(AskRequest request)",
            "         at Microsoft.AspNetCore.Http.RequestDelegateFactory.ExecuteTaskResult[T](Task`1 task, HttpContext httpContext)",
            "info: Microsoft.AspNetCore.Hosting.Diagnostics[2]",
            "      Request finished HTTP/1.1 POST /api/ask - 500",
            "      looked at the answer",
        ];

        foreach (var line in log)
        {
            watch.Read(line);
        }

        var entry = Assert.Single(watch.Entries);
        Assert.StartsWith("2026-01-01T10:00:01.000 fail: Microsoft.AspNetCore.Server.Kestrel[13]", entry, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: broken", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("AskApi.AskAsync", entry, StringComparison.Ordinal);
    }
}
