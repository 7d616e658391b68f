using System.Net;
using System.Net.Http.Json;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Forwarded headers on a real Kestrel process: trusted only from the proxies named in configuration, so
/// per-client limits work behind a proxy and a reader cannot pose as loopback to write.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Search(string forwardedFor) => new(HttpMethod.Post, "/api/search")
    {
        Content = JsonContent.Create(new { query = "Bahn" }),
        Headers = { { "X-Forwarded-For", forwardedFor } },
    };

    [Fact]
    public async Task TrustedProxy_GivesEachForwardedClientItsOwnBudgetAndNoLoopbackWrites()
    {
        using var data = new TempFolder("newsqa-proxy-");
        await using var api = await ApiProcess.StartAsync(data, new Dictionary<string, string>
        {
            ["RateLimit:Enabled"] = "true",
            ["RateLimit:PermitsPerMinute"] = "2",
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        }, Ct);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await api.Client.SendAsync(Search("203.0.113.7"), Ct)).StatusCode);
        }

        var other = (await api.Client.SendAsync(Search("203.0.113.8"), Ct)).StatusCode;
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
        {
            Content = JsonContent.Create(new { id = "x", text = "Ein Satz." }),
            Headers = { { "X-Forwarded-For", "203.0.113.9" } },
        };
        var writeStatus = (await api.Client.SendAsync(write, Ct)).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.Equal(HttpStatusCode.Forbidden, writeStatus);
    }

    [Fact]
    public async Task UntrustedSender_CannotChooseItsClientIdentity()
    {
        using var data = new TempFolder("newsqa-proxy-");
        await using var api = await ApiProcess.StartAsync(data, new Dictionary<string, string>
        {
            ["RateLimit:Enabled"] = "true",
            ["RateLimit:PermitsPerMinute"] = "2",
        }, Ct);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // A fresh X-Forwarded-For each time would dodge the limit if it were believed.
            statuses.Add((await api.Client.SendAsync(Search($"198.51.100.{i}"), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }
}

/// <summary>
/// Hosted on a unix socket behind a reverse proxy, every request arrives without a peer address: that is
/// not loopback (anyone who reaches the proxy arrives so), and forwarded headers from it are no named proxy's.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class UnixSocketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WritesOverAUnixSocketWithoutKeyAreRefused(bool knownProxy)
    {
        using var data = new TempFolder("newsqa-unix-");
        var socket = Path.Combine(data, "api.sock");
        var settings = new Dictionary<string, string>();
        if (knownProxy)
        {
            settings["Proxy:KnownProxies:0"] = "10.0.0.5";
        }

        await using var api = await ApiProcess.StartAsync(data, settings, Ct, unixSocket: socket);
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
        {
            Content = JsonContent.Create(new { id = "x", text = "Ein Satz." }),
            Headers = { { "X-Forwarded-For", "127.0.0.1" } },
        };

        var response = await api.Client.SendAsync(write, Ct);
        var read = await api.Client.PostAsJsonAsync("/api/search", new { query = "Satz" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
