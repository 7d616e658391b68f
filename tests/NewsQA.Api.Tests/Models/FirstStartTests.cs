using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NewsQA.Testing;
using NewsQA.Testing.Fakes;
using static NewsQA.Api.Tests.Models.ModelLifecycleFixture;

namespace NewsQA.Api.Tests.Models;

/// <summary>
/// The first start of a new install as a user meets it, with the model hub played by <see cref="FakeModelHub"/> on
/// loopback: the API answers lexically at once, fetches the default model in the background, embeds the seeds and
/// switches to hybrid by itself; a bad file, a cut line or no network leave it lexical with a one-line reason.
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private const string Question = "Wie viele Raketen will die Ukraine in diesem Jahr produzieren?";
    private readonly ModelLifecycleFixture fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_FetchesVerifiesEmbedsTheSeedsAndSwitchesToHybrid()
    {
        await using var hub = await FakeModelHub.StartAsync(Ct);
        hub.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, hub.BaseUri);
        await using var app = new NewsQaApplication(fixture.Settings());
        using var client = app.CreateClient();

        var downloading = await fixture.WaitForAsync(client, r => Status(r) == "downloading" && r["embeddings"]!["bytesDone"]!.GetValue<long>() > 0, Ct);
        Assert.Equal("lexical", SearchMode(downloading));
        Assert.Equal(ManifestBytes, downloading["embeddings"]!["bytesTotal"]!.GetValue<long>());
        Assert.InRange(downloading["embeddings"]!["bytesDone"]!.GetValue<long>(), 1, ManifestBytes - 1);
        var early = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        Assert.Equal("lexical", early["mode"]!.GetValue<string>());
        Assert.NotEmpty(early["results"]!.AsArray());

        hub.Hold.SetResult();
        var embedding = await fixture.WaitForAsync(client, r => Status(r) == "embedding", Ct);
        Assert.Equal("lexical", SearchMode(embedding));
        Assert.Equal(SeedCount, embedding["embeddings"]!["documentsTotal"]!.GetValue<long>());
        Assert.InRange(embedding["embeddings"]!["documentsEmbedded"]!.GetValue<long>(), 0, SeedCount - 1);
        // An explicit dense search cannot rank a half-embedded store: 503 saying so, not a partial ranking.
        using var halfDense = await client.PostAsJsonAsync("/api/search", new { query = "Ukraine", mode = "dense" }, Ct);
        var problem = await ProblemAssert.IsProblemAsync(halfDense, HttpStatusCode.ServiceUnavailable, "https://newsqa.dev/problems/embedder-unavailable");
        Assert.Contains("still being embedded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var ok = await fixture.WaitForAsync(client, r => Status(r) == "ok", Ct);
        Assert.Equal("hybrid", SearchMode(ok));
        Assert.Equal("tiny-xlmr", ok["embeddings"]!["model"]!.GetValue<string>());
        Assert.Equal("tiny-xlmr", ok["store"]!["embeddingModel"]!.GetValue<string>());
        fixture.AssertModelFilesVerified();

        // Hybrid is now the default, and every seed has vectors: dense search reaches all of them.
        var hybrid = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        Assert.Equal("hybrid", hybrid["mode"]!.GetValue<string>());
        var dense = await client.PostJsonAsync("/api/search", new { query = "Ukraine", mode = "dense", top = 50 }, Ct);
        Assert.Equal(SeedCount, dense["results"]!.AsArray().Select(r => r!["documentId"]!.GetValue<string>()).Distinct().Count());

        // Every state of the switch was visible in readiness, in this order.
        var states = fixture.Seen.Select(Status).Distinct().ToList();
        Assert.Equal(["downloading", "embedding", "ok"], states.SkipWhile(s => s == "none").ToList());
    }

    [Fact]
    public async Task QueriesKeepAnsweringDuringTheSwitch()
    {
        await using var hub = await FakeModelHub.StartAsync(Ct);
        hub.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, hub.BaseUri);
        var settings = fixture.Settings();
        // A longer rest per seed, so queries surely run while the store is half embedded, even on a loaded machine.
        settings["Embeddings:BackfillPause"] = "00:00:00.6";
        await using var app = new NewsQaApplication(settings);
        using var client = app.CreateClient();
        using var switched = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var answered = new List<(string Phase, int Results, string Status)>();
        // Completed by the query loop once a query ran wholly inside a phase: the test holds the download (and the
        // end) until it has seen that, so no phase depends on how fast this machine answers.
        var answeredIn = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource AnsweredIn(string phase) => answeredIn.GetOrAdd(phase, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

        var queries = Task.Run(async () =>
        {
            while (!switched.IsCancellationRequested)
            {
                var before = await PhaseAsync(client);
                var search = await client.PostJsonAsync("/api/search", new { query = "Drohnen aus dem Iran", top = 5 }, Ct);
                var ask = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);
                // A query that straddled a change of phase is not attributed to either.
                var phase = await PhaseAsync(client) is var after && after == before ? before : $"{before}->{after}";
                lock (answered)
                {
                    answered.Add((phase, search["results"]!.AsArray().Count, ask["status"]!.GetValue<string>()));
                }

                AnsweredIn(phase).TrySetResult();
            }
        }, Ct);

        // The hub holds the model file halfway until a query was answered while readiness said downloading.
        await UntilAnsweredAsync(AnsweredIn("downloading").Task, queries, answered);
        hub.Hold.SetResult();
        await UntilAnsweredAsync(AnsweredIn("ok").Task, queries, answered);
        await switched.CancelAsync();
        await queries;

        // PostJsonAsync fails the test on any non-2xx answer. Every search found passages; while the switch ran
        // (lexical, since a half-embedded store never ranks) every question was answered. Once hybrid, the tiny
        // model's meaningless vectors take part in ranking, so answers there say nothing about the switch.
        var seen = string.Join(", ", answered.GroupBy(a => (a.Phase, a.Status)).Select(g => $"{g.Key.Phase}/{g.Key.Status}: {g.Count()}"));
        Assert.All(answered, a => Assert.True(a.Results > 0, $"{a.Phase}: no results ({seen})"));
        Assert.All(answered.Where(a => a.Phase is "downloading" or "embedding"), a => Assert.True(a.Status == "answered", $"{a.Phase}: {a.Status} ({seen})"));
        Assert.True(new[] { "downloading", "embedding", "ok" }.All(p => answered.Any(a => a.Phase == p)), $"queries ran in every phase: {seen}");
    }

    /// <summary>
    /// Waits for <paramref name="phaseAnswered"/>; a query loop that failed (a non-2xx answer) fails the test with its
    /// error, and one that never answers in the phase fails it after a minute (a bound against a hang, not a timing).
    /// </summary>
    private static async Task UntilAnsweredAsync(Task phaseAnswered, Task queries, List<(string Phase, int Results, string Status)> answered)
    {
        var first = await Task.WhenAny(phaseAnswered, queries, Task.Delay(TimeSpan.FromMinutes(1), Ct));
        if (first == queries)
        {
            await queries;
        }

        if (first != phaseAnswered)
        {
            lock (answered)
            {
                Assert.Fail($"no query ran wholly inside the awaited phase; answered: {string.Join(", ", answered.Select(a => a.Phase).Distinct())}");
            }
        }
    }

    private static async Task<string> PhaseAsync(HttpClient client)
    {
        using var ready = await client.GetAsync("/health/ready", Ct);
        return Status(JsonNode.Parse(await ready.Content.ReadAsStringAsync(Ct))!);
    }

    /// <summary>
    /// Issue 33 item 0: a model named in configuration and still missing is on its way when AutoPull is on, so the
    /// start ingests the seeds as the unnamed default does; the questions asked while it arrives are answered.
    /// </summary>
    [Fact]
    public async Task NamedModelStillMissing_SeedsGoInAndASeedQuestionIsAnsweredWithin20Seconds()
    {
        await using var hub = await FakeModelHub.StartAsync(Ct);
        hub.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, hub.BaseUri);
        var settings = fixture.Settings();
        settings["Embeddings:Model"] = DefaultModelFolder;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var app = new NewsQaApplication(settings);
        using var client = app.CreateClient();

        var ask = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);
        var askedAfter = watch.Elapsed;
        var search = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        hub.Hold.SetResult();
        var ok = await fixture.WaitForAsync(client, r => Status(r) == "ok", Ct);
        var after = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);

        Assert.InRange(askedAfter, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal("answered", ask["status"]!.GetValue<string>());
        Assert.NotEmpty(search["results"]!.AsArray());
        Assert.Equal("hybrid", SearchMode(ok));
        Assert.Equal(SeedCount, ok["store"]!["documents"]!.GetValue<long>());
        Assert.NotEmpty(after["results"]!.AsArray());
    }

    [Fact]
    public async Task CorruptedFile_IsRefusedAndDeleted_AndTheServiceStaysLexical()
    {
        await using var hub = await FakeModelHub.StartAsync(Ct);
        hub.Corrupted.Add("model.onnx");
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, hub.BaseUri);
        await using var app = new NewsQaApplication(fixture.Settings());
        using var client = app.CreateClient();

        var ready = await fixture.WaitForAsync(client, r => Status(r) == "none" && Message(r).Contains("hash mismatch", StringComparison.Ordinal), Ct);

        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal("lexical", SearchMode(ready));
        Assert.DoesNotContain('\n', Message(ready));
        Assert.Contains("model.onnx", Message(ready), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.ModelFolder, "model.onnx")));
        Assert.False(File.Exists(Path.Combine(fixture.ModelFolder, "model.onnx.partial")));
        var search = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        Assert.Equal("lexical", search["mode"]!.GetValue<string>());
        Assert.NotEmpty(search["results"]!.AsArray());
    }

    [Fact]
    public async Task DownloadCutMidway_KeepsWhatArrived_AndTheNextStartResumesIt()
    {
        await using var hub = await FakeModelHub.StartAsync(Ct);
        var modelSize = ManifestFiles.Single(f => f!["path"]!.GetValue<string>() == "model.onnx")!["size"]!.GetValue<long>();
        hub.CutOnce("model.onnx", modelSize / 2);
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, hub.BaseUri);
        long kept;
        await using (var first = new NewsQaApplication(fixture.Settings()))
        {
            using var client = first.CreateClient();
            var ready = await fixture.WaitForAsync(client, r => Status(r) == "none" && Message(r).Contains("broke off", StringComparison.Ordinal), Ct);
            Assert.Equal("lexical", SearchMode(ready));
            Assert.False(File.Exists(Path.Combine(fixture.ModelFolder, "model.onnx")));
            var partial = new FileInfo(Path.Combine(fixture.ModelFolder, "model.onnx.partial"));
            Assert.True(partial.Exists, "no partial file; the folder has: " + string.Join(", ", Directory.GetFiles(fixture.ModelFolder).Select(Path.GetFileName)));
            kept = partial.Length;
            Assert.InRange(kept, 1, modelSize - 1);
        }

        await using var second = new NewsQaApplication(fixture.Settings());
        using var again = second.CreateClient();
        var ok = await fixture.WaitForAsync(again, r => Status(r) == "ok", Ct);

        Assert.Equal("hybrid", SearchMode(ok));
        Assert.Contains($"bytes={kept}-", hub.Ranges);
        fixture.AssertModelFilesVerified();
    }

    [Fact]
    public async Task Offline_StaysLexicalWithAOneLineReason()
    {
        // A port nothing listens on: connection refused, as on a machine without network.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        FakeModelHub.WriteManifest(fixture.ModelsPath, DefaultModelFolder, new Uri($"http://127.0.0.1:{port}/"));
        await using var app = new NewsQaApplication(fixture.Settings());
        using var client = app.CreateClient();

        var ready = await fixture.WaitForAsync(client, r => Status(r) == "none" && Message(r).Contains("offline", StringComparison.Ordinal), Ct);

        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal("lexical", SearchMode(ready));
        Assert.DoesNotContain('\n', Message(ready));
        var ask = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);
        Assert.Equal("answered", ask["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModelFolderDroppedInLater_IsPickedUpWithoutARestart()
    {
        await using var app = new NewsQaApplication(fixture.Settings(autoPull: false));
        using var client = app.CreateClient();
        var before = await fixture.WaitForAsync(client, r => Status(r) == "none", Ct);
        Assert.Equal("lexical", SearchMode(before));

        Directory.CreateDirectory(fixture.ModelFolder);
        foreach (var file in Directory.GetFiles(FakeModelHub.TinyModelFolder))
        {
            File.Copy(file, Path.Combine(fixture.ModelFolder, Path.GetFileName(file)));
        }

        var ok = await fixture.WaitForAsync(client, r => Status(r) == "ok", Ct);
        Assert.Equal("hybrid", SearchMode(ok));
        var hybrid = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        Assert.Equal("hybrid", hybrid["mode"]!.GetValue<string>());
    }

    public void Dispose() => fixture.Dispose();
}
