using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsQA.Testing.Fakes;

/// <summary>
/// A fake model hub on 127.0.0.1 standing in for huggingface.co's file endpoint (<c>/{repo}/resolve/{revision}/{file}</c>),
/// which no test may reach. It serves the committed tiny XLM-R model (models/tiny/xlmr) the way the hub serves
/// files to a resuming client: a plain GET answers 200 with the whole file; <c>Range: bytes=N-</c> answers 206 with
/// the rest and a <c>Content-Range</c>, and 416 past the end (huggingface_hub resumes this way:
/// src/huggingface_hub/file_download.py, <c>http_get</c> with <c>resume_size</c>). Faults a real line has are
/// scripted: a corrupted file, a connection cut midway, a transfer held until the test releases it.
/// </summary>
public sealed class FakeModelHub : IAsyncDisposable
{
    private const string Repo = "fake/tiny-xlmr";
    private readonly Dictionary<string, byte[]> files;
    private readonly ConcurrentDictionary<string, long> cutAfter = new();
    private readonly ConcurrentQueue<string?> ranges = new();

    private WebApplication app = null!;

    private FakeModelHub(Dictionary<string, byte[]> files) => this.files = files;

    public static string TinyModelFolder => Path.Combine(RepoPaths.Root, "models", "tiny", "xlmr");

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Range headers of the file requests, in order (null for a plain GET).</summary>
    public IReadOnlyList<string?> Ranges => ranges.ToArray();

    /// <summary>Files served with one byte flipped: same size, another sha256.</summary>
    public HashSet<string> Corrupted { get; } = [];

    /// <summary>When set, the transfer of <see cref="HeldFile"/> stops after half its bytes until this completes.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string HeldFile { get; set; } = "model.onnx";

    /// <summary>The next transfer of <paramref name="file"/> sends <paramref name="bytes"/> and then drops the connection.</summary>
    public void CutOnce(string file, long bytes) => cutAfter[file] = bytes;

    public static async Task<FakeModelHub> StartAsync(CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, byte[]>
        {
            ["model.onnx"] = await File.ReadAllBytesAsync(Path.Combine(TinyModelFolder, "model.onnx"), cancellationToken),
            ["sentencepiece.bpe.model"] = await File.ReadAllBytesAsync(Path.Combine(TinyModelFolder, "sentencepiece.bpe.model"), cancellationToken),
        };
        var hub = new FakeModelHub(files);
        (hub.app, hub.BaseUri) = await Hosting.LoopbackHost.StartAsync(a => a.MapGet($"/{Repo}/resolve/main/{{file}}", hub.ServeAsync), cancellationToken);
        return hub;
    }

    public Uri UrlOf(string file) => new(BaseUri, $"{Repo}/resolve/main/{file}");

    /// <summary>
    /// Writes <c>{modelsPath}/{folder}/manifest.json</c>: the tiny model's committed manifest (sizes, sha256) with
    /// each file's URL on <paramref name="baseUri"/> (this hub's, or a closed port to play offline).
    /// </summary>
    public static string WriteManifest(string modelsPath, string folder, Uri baseUri)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyModelFolder, "manifest.json")))!;
        foreach (var file in manifest["files"]!.AsArray())
        {
            file!["url"] = new Uri(baseUri, $"{Repo}/resolve/main/{file["path"]!.GetValue<string>()}").ToString();
        }

        var directory = Path.Combine(modelsPath, folder);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "manifest.json"), manifest.ToJsonString());
        return directory;
    }

    private async Task ServeAsync(string file, HttpContext context)
    {
        var range = context.Request.Headers.Range.ToString();
        ranges.Enqueue(range.Length > 0 ? range : null);
        if (!files.TryGetValue(file, out var original))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var bytes = original;
        if (Corrupted.Contains(file))
        {
            bytes = (byte[])original.Clone();
            bytes[bytes.Length / 2] ^= 0xFF;
        }

        long from = 0;
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-') && long.TryParse(range[6..^1], out var start))
        {
            if (start >= bytes.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                return;
            }

            from = start;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length - from;
        var body = context.Response.Body;
        if (cutAfter.TryRemove(file, out var cut))
        {
            await body.WriteAsync(bytes.AsMemory((int)from, (int)Math.Max(0, cut - from)), context.RequestAborted);
            await body.FlushAsync(context.RequestAborted);
            // Let the bytes reach the client before the line drops (an abort discards what Kestrel has not sent yet).
            await Task.Delay(300, context.RequestAborted);
            context.Abort();
            return;
        }

        var half = (int)from + ((bytes.Length - (int)from) / 2);
        if (Hold is { } hold && file == HeldFile)
        {
            await body.WriteAsync(bytes.AsMemory((int)from, half - (int)from), context.RequestAborted);
            await body.FlushAsync(context.RequestAborted);
            await hold.Task.WaitAsync(context.RequestAborted);
            from = half;
        }

        await body.WriteAsync(bytes.AsMemory((int)from), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
