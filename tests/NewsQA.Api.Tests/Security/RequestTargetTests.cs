using System.Net;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Odd URLs get problems from the app (issue 12, item 15), over a real socket because Kestrel checks the request
/// line before the app runs. What Kestrel still answers itself, with an empty body no app can shape, is listed in
/// docs/security.md and checked by <see cref="HostileRequestTests"/>: a NUL (<c>%00</c>) in the path, a request line over 64 KiB.
/// </summary>
public sealed class RequestTargetTests() : ApiTest(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" }, onLoopback: true)
{
    [Fact]
    public async Task TwentyKilobyteCursor_Is414Problem()
    {
        using var response = await Client.GetAsync("/api/documents?cursor=" + new string('A', 20_000), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, ProblemTypes.UriTooLong);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task UrlAtTheLimit_ReachesTheEndpoint()
    {
        var target = "/api/documents?cursor=";
        using var response = await Client.GetAsync(target + new string('.', 8 * 1024 - target.Length), Ct);

        // Read by the endpoint: not a cursor it returned ('.' is no base64url).
        await ProblemAssert.NamesFieldAsync(response, "cursor");
    }

    [Fact]
    public async Task NulInTheQuery_Is400NamingTheParameter()
    {
        using var response = await Client.GetAsync("/api/documents?cursor=a%00b", Ct);

        await ProblemAssert.NamesFieldAsync(response, "cursor");
    }
}
