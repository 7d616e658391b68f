using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>The Qdrant-unreachable instance of the hostile-input battery: nothing listens at Store:Qdrant:Url since the start.</summary>
public sealed class QdrantDownInstance : ApiProcessFixture
{
    protected override IReadOnlyDictionary<string, string> Settings(string folder) => new Dictionary<string, string>
    {
        ["Store:Provider"] = "Qdrant",
        ["Store:Qdrant:Url"] = $"http://127.0.0.1:{ClosedPort()}",
    };

    /// <summary>A port that was free a moment ago: connecting to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A real process whose Qdrant has been unreachable since it started, every log category at Information: readiness
/// says so without internals or the address it tried, and the store's retries at start log no stack trace.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostileQdrantDownTests(QdrantDownInstance down) : IClassFixture<QdrantDownInstance>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_Is503_WithoutInternalsOrTheAddress()
    {
        using var response = await down.Api.Client.GetAsync("/health/ready", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        HostileAssert.NoInternals("19 readiness with Qdrant unreachable", body, down.Folder);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        HostileAssert.NoStackTraces(down.Api);
    }

    [Fact]
    public async Task RetriesWhileQdrantStaysDown_LogNoStackTrace()
    {
        // StoreStartupRetry's second failed retry: by then the store has failed at start and been retried twice.
        var waited = Stopwatch.StartNew();
        while (!down.Api.Output.Contains("still unavailable after 2 retries", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, Ct);
        }

        Assert.Contains("still unavailable after 2 retries", down.Api.Output, StringComparison.Ordinal);
        HostileAssert.NoStackTraces(down.Api);
    }
}
