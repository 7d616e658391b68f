using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Fetches the configured model when it is missing (<c>Embeddings:AutoPull</c>) through <see cref="ModelDownloader"/>
/// (sha256 per file, partial files never used), reporting progress as the <see cref="ModelStage.Downloading"/> stage.
/// When it cannot (offline, disk full, a file that does not match) it returns why in one line, for
/// <see cref="ModelAttacher"/> to report; what arrived is kept for the next try to resume.
/// </summary>
public sealed partial class ModelFetcher(
    EmbeddingModelState state,
    ModelCatalog catalog,
    ModelDownloader downloader,
    IOptions<OnnxEmbeddingOptions> onnx,
    ILogger<ModelFetcher> logger)
{
    private string ModelName => onnx.Value.Model ?? OnnxEmbeddingOptions.DefaultModel;

    /// <summary>The manifest in <paramref name="directory"/> when every file it lists has an address to fetch it from; else null.</summary>
    public ModelManifest? DownloadableManifest(string directory)
    {
        try
        {
            var manifest = catalog.GetManifest(directory);
            return manifest.Files.Count > 0 && manifest.Files.All(f => f.Url is not null) ? manifest : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Downloads the manifest's files into <paramref name="directory"/>; null when every file arrived verified, else the one-line reason.</summary>
    public async Task<string?> FetchAsync(ModelManifest manifest, string directory, CancellationToken cancellationToken)
    {
        var total = manifest.Files.Sum(f => f.Size ?? 0);
        var host = manifest.Files[0].Url!.Host;
        if (ModelFileCheck.FreeSpaceShortfall(manifest, directory) is { } missing)
        {
            return $"disk full: fetching {ModelName} needs {Megabytes(missing)} more free space in the models folder";
        }

        LogPulling(logger, ModelName, Megabytes(total), host);
        var done = new Dictionary<string, long>();
        var current = manifest.Files[0].Path;
        var logged = -1L;
        state.Downloading(ModelName, 0, total);
        try
        {
            await downloader.PullAsync(manifest, directory, p =>
            {
                current = p.File;
                done[p.File] = p.BytesDone;
                var sum = done.Values.Sum();
                state.Downloading(ModelName, sum, total);
                if (total > 0 && sum * 10 / total is var tenth && tenth > logged)
                {
                    logged = tenth;
                    LogPullProgress(logger, ModelName, Megabytes(sum), Megabytes(total));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelDownloadException ex) when (ex.StoppedByBound)
        {
            return ex.Message;
        }
        catch (ModelDownloadException ex) when (ex.VerificationFailed)
        {
            return $"hash mismatch: {current} from {host} does not match its manifest's sha256 and was deleted";
        }
        catch (ModelDownloadException ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
        {
            return $"offline: {host} cannot be reached to fetch {ModelName} ({Megabytes(total)}); what arrived is kept and the next start resumes it";
        }
        catch (Exception ex) when (ex is ModelDownloadException { InnerException: HttpRequestException or TaskCanceledException } or HttpIOException
            || (ex is IOException && ex.InnerException is System.Net.Sockets.SocketException))
        {
            return $"the connection to {host} broke off while fetching {current}; what arrived is kept and the next start resumes it";
        }
        catch (ModelDownloadException)
        {
            return $"{host} refused the download of {current}; run `newsqa models pull` to see the server's answer";
        }
        catch (IOException ex) when (ModelDownloader.IsDiskFull(ex))
        {
            return $"disk full while writing {current} into the models folder; what arrived is kept and the next start resumes it";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {current} into the models folder ({ex.GetType().Name})";
        }

        LogPulled(logger, ModelName);
        return null;
    }

    private static string Megabytes(long bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.#} MB" : $"{bytes / 1000.0:0.#} kB";

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding model {Model} is missing: fetching {Size} from {Host} in the background; search is lexical until it is ready (Embeddings:AutoPull=false turns this off)")]
    private static partial void LogPulling(ILogger logger, string model, string size, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetching {Model}: {Done} of {Total}")]
    private static partial void LogPullProgress(ILogger logger, string model, string done, string total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Model}; every file matches its manifest's sha256")]
    private static partial void LogPulled(ILogger logger, string model);
}
