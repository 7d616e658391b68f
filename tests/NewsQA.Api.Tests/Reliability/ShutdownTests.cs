using NewsQA.Testing;
using System.Net;
using System.Text;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>SIGTERM drains: a request already in flight completes (within Hosting:ShutdownTimeoutSeconds), then the process exits 0.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task InFlightRequestCompletesWhenSigtermArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempFolder("newsqa-term-");
        try
        {
            await using var api = await ApiProcess.StartAsync(data, new Dictionary<string, string> { ["Hosting:ShutdownTimeoutSeconds"] = "20" }, ct);
            var body = new SlowBody("Die Bahn streikt am Montag in ganz Bayern. ", "Am Dienstag fahren die Züge wieder nach Plan.");
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = body };

            var send = api.Client.SendAsync(request, ct);
            await body.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(10), ct);
            api.Terminate();
            await Task.Delay(700, ct);
            Assert.False(api.HasExited, "the process exited while a request was in flight");
            body.SendRest();
            using var response = await send;
            var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A text/plain body sent in two parts, the second only when the test says so.</summary>
    private sealed class SlowBody(string first, string rest) : HttpContent
    {
        private readonly TaskCompletionSource firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstHalfSent => firstSent.Task;

        public void SendRest() => release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            firstSent.TrySetResult();
            await release.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
