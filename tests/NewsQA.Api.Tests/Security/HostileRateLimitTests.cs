using System.Net;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>The keyed and rate-limited instance of the hostile-input battery: reads need the key, three requests a minute.</summary>
public sealed class KeyedLimitedInstance : ApiProcessFixture
{
    protected override IReadOnlyDictionary<string, string> Settings(string folder) => new Dictionary<string, string>
    {
        ["RateLimit:Enabled"] = "true",
        ["RateLimit:PermitsPerMinute"] = "3",
        ["Auth:ApiKey"] = "geheim-und-lang",
        ["Auth:RequireKeyForReads"] = "true",
    };
}

/// <summary>
/// A streaming client without the key that keeps asking on a real process: the limit counts it before any key check,
/// and once its budget is gone every answer is a 429 problem with Retry-After, never an empty 500 for its
/// <c>text/event-stream</c> Accept header, and no stack trace in the log.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostileRateLimitTests(KeyedLimitedInstance limited) : IClassFixture<KeyedLimitedInstance>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> SendAsync(string request)
    {
        using var message = ProbeRequest.Parse(request, limited.Api.Client.BaseAddress!);
        return await limited.Api.Client.SendAsync(message, Ct);
    }

    [Fact]
    public async Task StreamingClientOverItsBudget_Gets429ProblemWithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var search = await SendAsync("POST /api/search\nAccept: text/event-stream\nContent-Type: application/json\n\n{\"query\":\"Bahn\"}");
            statuses.Add(search.StatusCode);
        }

        for (var i = 0; i < 20; i++)
        {
            using var ask = await SendAsync("POST /api/ask\nAccept: text/event-stream\nContent-Type: application/json\n\n{\"question\":\"Wer?\"}");
            statuses.Add(ask.StatusCode);
        }

        using var limitedAsk = await SendAsync("POST /api/ask\nAccept: text/event-stream\nContent-Type: application/json\n\n{\"question\":\"Wer?\"}");

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        await HostileAssert.AnswersAsync("2 rate-limited (24th request), Accept event-stream", limitedAsk, 429, ProblemTypes.RateLimited, limited.Folder);
        Assert.True(limitedAsk.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        HostileAssert.NoStackTraces(limited.Api);
    }
}
