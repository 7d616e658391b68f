using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Models;

/// <summary>
/// What the first-start tests share: a temp models folder holding the default model's name, settings that let the
/// API fetch into it, and a poll of <c>/health/ready</c> that keeps every readiness body it saw.
/// </summary>
internal sealed class ModelLifecycleFixture : IDisposable
{
    public const string DefaultModelFolder = "multilingual-e5-small";

    private readonly TempFolder folder = new("newsqa-models-");

    public string ModelsPath => folder.Path;

    public string ModelFolder => Path.Combine(ModelsPath, DefaultModelFolder);

    public List<JsonNode> Seen { get; } = [];

    /// <summary>The tiny model's manifest as committed: file names, sizes and sha256 the download must match.</summary>
    public static JsonArray ManifestFiles => JsonNode.Parse(File.ReadAllText(Path.Combine(NewsQA.Testing.Fakes.FakeModelHub.TinyModelFolder, "manifest.json")))!["files"]!.AsArray();

    public static long ManifestBytes => ManifestFiles.Sum(f => f!["size"]!.GetValue<long>());

    public static int SeedCount => Directory.GetFiles(NewsQaApplication.SeedsPath, "*.txt").Length;

    public Dictionary<string, string?> Settings(bool autoPull = true) => new()
    {
        ["Embeddings:ModelsPath"] = ModelsPath,
        ["Embeddings:AutoPull"] = autoPull ? "true" : "false",
        ["Embeddings:WatchInterval"] = "00:00:00.2",
        // One seed per step and a rest after each, so the embedding phase lasts long enough to be seen.
        ["Embeddings:BackfillBatch"] = "1",
        ["Embeddings:BackfillPause"] = "00:00:00.2",
    };

    /// <summary>Polls readiness until <paramref name="until"/> holds for a body; fails with the last body after a minute.</summary>
    public async Task<JsonNode> WaitForAsync(HttpClient client, Func<JsonNode, bool> until, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        JsonNode? last = null;
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            using var response = await client.GetAsync("/health/ready", ct);
            last = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
            lock (Seen)
            {
                Seen.Add(last);
            }

            if (until(last))
            {
                return last;
            }

            await Task.Delay(50, ct);
        }

        Assert.Fail($"readiness never reached the expected state; last: {last?.ToJsonString()}");
        return last!;
    }

    public static string Status(JsonNode ready) => ready["embeddings"]!["status"]!.GetValue<string>();

    public static string Message(JsonNode ready) => ready["embeddings"]!["message"]!.GetValue<string>();

    public static string SearchMode(JsonNode ready) => ready["searchMode"]!.GetValue<string>();

    /// <summary>Every file the manifest lists is in the folder with its published sha256, and no partial file is left.</summary>
    public void AssertModelFilesVerified()
    {
        foreach (var file in ManifestFiles)
        {
            var path = Path.Combine(ModelFolder, file!["path"]!.GetValue<string>());
            Assert.Equal(file["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }

        Assert.Empty(Directory.GetFiles(ModelFolder, "*.partial"));
    }

    public void Dispose()
    {
        folder.Dispose();
    }
}
