using System.Net;
using System.Text;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Every answer the app shapes carries <c>X-Content-Type-Options: nosniff</c>, errors included: the 413 and 414
/// problems are written by middleware that ends the request, and the exception handler clears the response before
/// it writes its problem, so a header set on the way in is lost on both paths unless it is added as the response
/// starts. Over a real socket, as a browser meets it.
/// </summary>
public sealed class SecurityHeaderTests() : ApiTest(new Dictionary<string, string?>
    {
        ["Seeds:IngestOnEmpty"] = "false",
        ["Limits:MaxBodyBytes"] = "65536",
    }, onLoopback: true)
{
    [Fact]
    public async Task BodyTooLarge_413ProblemCarriesNosniff()
    {
        using var response = await Client.PostAsync("/api/search", Json($$"""{"query":"{{new string('a', 70_000)}}"}"""), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.TooLarge);
        AssertNosniff(response);
    }

    [Fact]
    public async Task UrlTooLong_414ProblemCarriesNosniff()
    {
        using var response = await Client.GetAsync("/api/documents?cursor=" + new string('A', 20_000), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, ProblemTypes.UriTooLong);
        AssertNosniff(response);
    }

    [Fact]
    public async Task MalformedJson_400ProblemFromTheExceptionHandlerCarriesNosniff()
    {
        using var response = await Client.PostAsync("/api/search", Json("""{"query":"""), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNosniff(response);
    }

    [Fact]
    public async Task UnknownPath_404CarriesNosniff()
    {
        using var response = await Client.GetAsync("/api/nothing-here", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertNosniff(response);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static void AssertNosniff(HttpResponseMessage response) =>
        Assert.True(
            response.Headers.TryGetValues("X-Content-Type-Options", out var values) && values.SequenceEqual(["nosniff"]),
            $"{(int)response.StatusCode} without X-Content-Type-Options: nosniff; headers: {response.Headers}");
}
