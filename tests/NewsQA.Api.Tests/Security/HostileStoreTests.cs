using System.Net;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>The unopenable-store instance of the hostile-input battery: Data:Path names a file, so the store cannot be opened.</summary>
public sealed class UnopenableStoreInstance : ApiProcessFixture
{
    protected override IReadOnlyDictionary<string, string> Settings(string folder)
    {
        var file = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(file, "x");
        return new Dictionary<string, string> { ["Data:Path"] = file };
    }
}

/// <summary>
/// A real process whose store cannot be opened: readers get 503s, and a stream that has started ends with an SSE
/// <c>error</c> event; none of them shows the data path, SQLite's words or .NET type names, and the log has no stack trace.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostileStoreTests(UnopenableStoreInstance broken) : IClassFixture<UnopenableStoreInstance>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4 search on an unopenable store", "POST /api/search\nContent-Type: application/json\n\n{\"query\":\"Bahn\"}", 503, ProblemTypes.StoreUnavailable, "Request id")]
    [InlineData("4 streamed ask on an unopenable store", "POST /api/ask\nAccept: text/event-stream\nContent-Type: application/json\n\n{\"question\":\"Wer streikt?\"}", 200, null, "event: error")]
    public async Task Probe_GetsItsStatus_WithNothingInternal(string probe, string request, int status, string? problemType, string bodyHas)
    {
        using var message = ProbeRequest.Parse(request, broken.Api.Client.BaseAddress!);

        using var response = await broken.Api.Client.SendAsync(message, Ct);

        var body = await HostileAssert.AnswersAsync(probe, response, status, problemType, broken.Folder);
        Assert.True(body.Contains(bodyHas, StringComparison.Ordinal), $"{probe}: no '{bodyHas}' in {body}");
        HostileAssert.NoStackTraces(broken.Api);
    }

    [Fact]
    public async Task Readiness_Is503_WithNothingInternal()
    {
        using var response = await broken.Api.Client.GetAsync("/health/ready", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        HostileAssert.NoInternals("4 readiness on an unopenable store", body, broken.Folder);
        HostileAssert.NoStackTraces(broken.Api);
    }
}
