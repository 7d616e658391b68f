using NewsQA.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NewsQA.Api.Tests.Security;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientOverItsBudgetGets429ProblemWithRetryAfter()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Seeds:IngestOnEmpty"] = "false",
            ["RateLimit:Enabled"] = "true",
            ["RateLimit:PermitsPerMinute"] = "3",
        });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct)).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct);
        var health = await client.GetAsync("/health/ready", Ct);
        var metrics = await client.GetAsync("/metrics", Ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task CallerWithTheKeyHasItsOwnBudget()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Seeds:IngestOnEmpty"] = "false",
            ["Auth:ApiKey"] = "geheim",
            ["RateLimit:Enabled"] = "true",
            ["RateLimit:PermitsPerMinute"] = "1",
            ["RateLimit:KeyedPermitsPerMinute"] = "50",
        });
        using var anonymous = app.CreateClient();
        using var keyed = app.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", "geheim");

        await anonymous.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct);
        var anonymousAgain = await anonymous.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct);
        var keyedStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            keyedStatuses.Add((await keyed.PostAsJsonAsync("/api/search", new { query = "Bahn" }, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousAgain.StatusCode);
        Assert.All(keyedStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
