using NewsQA.Testing;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

/// <summary>A manifest cannot make `models pull` write outside the model folder or fetch anything but http(s).</summary>
public sealed class ManifestSafetyTests : IDisposable
{
    private readonly TempFolder root = new("newsqa-manifest-");

    public void Dispose() => root.Dispose();

    [Theory]
    [InlineData("../escaped.onnx")]
    [InlineData("sub/../../escaped.onnx")]
    [InlineData("/tmp/newsqa-absolute-escape.onnx")]
    [InlineData("..")]
    [InlineData("./")]
    [InlineData("a\\..\\..\\escaped.onnx")]
    [InlineData("")]
    public async Task PathOutsideTheFolderIsRefusedAndNothingIsWritten(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(root, "models", "evil");
        var manifest = new ModelManifest { Id = "evil", Files = [new ModelFileEntry(path, new Uri("http://127.0.0.1:9/x"), 1, new string('0', 64))] };
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => new ModelDownloader(http).PullAsync(manifest, folder, null, ct));

        Assert.Contains("model folder", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "models", "escaped.onnx")));
        Assert.False(File.Exists(Path.Combine(root, "escaped.onnx")));
        Assert.False(File.Exists("/tmp/newsqa-absolute-escape.onnx"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/model.onnx")]
    public async Task NonHttpUrlIsRefused(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        var manifest = new ModelManifest { Id = "evil", Files = [new ModelFileEntry("model.onnx", new Uri(url), 1, new string('0', 64))] };
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => new ModelDownloader(http).PullAsync(manifest, Path.Combine(root, "m"), null, ct));

        Assert.Contains("http(s)", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "m", "model.onnx")));
    }

    [Theory]
    [InlineData("""{"id":"m","files":[{"path":"../x","url":"https://example.org/x"}]}""", "relative name")]
    [InlineData("""{"id":"m","dimensions":-3,"files":[]}""", "dimensions")]
    [InlineData("""{"id":"m","files":[{"path":"model.onnx","url":"file:///etc/passwd"}]}""", "http(s)")]
    [InlineData("""{"id":"m","files":"model.onnx"}""", "not a valid model manifest")]
    public void MalformedOrUnsafeManifestIsAClearError(string json, string expected)
    {
        var path = Path.Combine(root, "manifest.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
