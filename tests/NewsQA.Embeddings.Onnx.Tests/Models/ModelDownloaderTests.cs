using NewsQA.Testing;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

public sealed class ModelDownloaderTests : IDisposable
{
    private static readonly byte[] Content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251)).ToArray();
    private static readonly string ContentSha = Convert.ToHexStringLower(SHA256.HashData(Content));

    private readonly TempFolder _directory = new("newsqa-pull-");

    public void Dispose() => _directory.Dispose();

    private static ModelManifest Manifest(Uri url, string sha256) => new()
    {
        Id = "test-model",
        Files = [new ModelFileEntry("model.onnx", url, Content.Length, sha256)],
    };

    [Fact]
    public async Task Pull_DownloadsVerifiesAndReportsProgress()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        var reports = new List<DownloadProgress>();

        await new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, reports.Add, ct);

        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Combine(_directory, "model.onnx"), ct));
        Assert.False(File.Exists(Path.Combine(_directory, "model.onnx.partial")));
        Assert.Equal(Content.Length, reports[^1].BytesDone);
        Assert.Equal(Content.Length, reports[^1].TotalBytes);
        Assert.Equal([null], server.RangeHeaders);
    }

    [Fact]
    public async Task Pull_ResumesAPartialFileWithARangeRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        const int alreadyThere = 123_456;
        await File.WriteAllBytesAsync(Path.Combine(_directory, "model.onnx.partial"), Content[..alreadyThere], ct);
        var reports = new List<DownloadProgress>();

        await new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, reports.Add, ct);

        Assert.Equal([$"bytes={alreadyThere}-"], server.RangeHeaders);
        Assert.True(reports[0].Resumed);
        Assert.Equal(alreadyThere, reports[0].BytesDone);
        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Combine(_directory, "model.onnx"), ct));
    }

    [Fact]
    public async Task Pull_FailsLoudlyAndDeletesTheFile_OnHashMismatch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        var wrongSha = new string('0', 64);

        var ex = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), wrongSha), _directory, cancellationToken: ct));

        Assert.Contains("sha256", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ContentSha, ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public async Task Pull_DeletesACorruptPartialFile_AfterResumingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        await File.WriteAllBytesAsync(Path.Combine(_directory, "model.onnx.partial"), new byte[1000], ct);

        await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, cancellationToken: ct));

        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    /// <summary>Issue 33 item 7: a server sending more than the manifest's size is stopped there, and what it wrote is deleted.</summary>
    [Fact]
    public async Task Pull_ServerSendingMoreThanTheDeclaredSize_IsStoppedThereAndThePartialDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var endless = new byte[16 * Content.Length];
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = endless }, ct);
        using var http = new HttpClient();
        var reports = new List<DownloadProgress>();

        var ex = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, reports.Add, ct));

        Assert.True(ex.StoppedByBound);
        Assert.Contains($"more than the {Content.Length} bytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_directory.Path, ex.Message, StringComparison.Ordinal);
        Assert.InRange(reports.Max(r => r.BytesDone), 0, Content.Length);
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    /// <summary>Issue 33 item 7: the pull stops when the disk's free space falls under the floor (set above this disk's free space here).</summary>
    [Fact]
    public async Task Pull_FreeSpaceUnderTheFloor_StopsAndDeletesThePartial()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        var floor = new DriveInfo(_directory).TotalSize + 1;

        var ex = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http) { MinimumFreeBytes = floor }.PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, cancellationToken: ct));

        Assert.True(ex.StoppedByBound);
        Assert.Contains("free space", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    /// <summary>Issue 33 item 15: a redirect to a file: URL is a refused download with its one line, not a crash.</summary>
    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/model.onnx")]
    public async Task Pull_RedirectOutOfHttp_IsARefusedDownload(string target)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]>(), ct);
        using var http = new HttpClient();
        var url = new Uri(server.BaseUri, "moved?to=" + Uri.EscapeDataString(target));

        var ex = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(Manifest(url, ContentSha), _directory, cancellationToken: ct));

        Assert.DoesNotContain("passwd", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public async Task Pull_SkipsAFileThatIsAlreadyThereAndVerified()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LoopbackFileServer.StartAsync(new Dictionary<string, byte[]> { ["model.onnx"] = Content }, ct);
        using var http = new HttpClient();
        await File.WriteAllBytesAsync(Path.Combine(_directory, "model.onnx"), Content, ct);

        await new ModelDownloader(http).PullAsync(Manifest(server.UrlOf("model.onnx"), ContentSha), _directory, cancellationToken: ct);

        Assert.Empty(server.RangeHeaders);
    }

    [Fact]
    public async Task Pull_WithoutNetwork_NamesTheUrlAndSaysThereIsNoNetwork()
    {
        var ct = TestContext.Current.CancellationToken;
        // A loopback port that was free a moment ago and has no listener now: the connection is refused, as offline.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = new Uri($"http://127.0.0.1:{port}/files/model.onnx");
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(Manifest(url, ContentSha), _directory, cancellationToken: ct));

        Assert.Contains(url.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("no network", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Pull_RefusesAManifestWithoutUrls()
    {
        using var http = new HttpClient();
        var manifest = ModelManifest.Load(Path.Combine(TinyModels.Bert, ModelManifest.FileName));

        await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).PullAsync(manifest, _directory, cancellationToken: TestContext.Current.CancellationToken));
    }
}
