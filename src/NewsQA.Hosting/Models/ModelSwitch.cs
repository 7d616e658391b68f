using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting.Models;

/// <summary>
/// Brings the configured model in while the service runs: fetches it when missing (<c>Embeddings:AutoPull</c>,
/// through <see cref="ModelDownloader"/>: sha256 per file, partial files never used), or notices it when a folder
/// is dropped in or <c>models pull</c> finishes; checks it against its manifest, attaches it to the
/// <see cref="DenseEncoder"/>, and has <see cref="EmbeddingBackfill"/> embed the stored documents. When it cannot
/// (offline, disk full, a file that does not match), it says why in one line and the service stays lexical.
/// </summary>
public sealed partial class ModelSwitch(
    DenseEncoder encoder,
    EmbedderState state,
    ModelCatalog catalog,
    ModelDownloader downloader,
    EmbeddingBackfill backfill,
    IDocumentStore store,
    IOptions<OnnxEmbeddingOptions> onnx,
    ILogger<ModelSwitch> logger) : IDisposable
{
    private OnnxEmbeddingGenerator? owned;
    private bool pullTried;
    private string? refused;

    private string ModelName => onnx.Value.Model ?? OnnxEmbeddingOptions.DefaultModel;

    /// <summary>
    /// One look at the model and the store. True when nothing is left to do (a model attached and every document
    /// embedded); false when there is no usable model yet (look again later). Store failures propagate.
    /// </summary>
    public async Task<bool> StepAsync(bool autoPull, CancellationToken cancellationToken)
    {
        if (encoder.IsSearchable)
        {
            return true;
        }

        if (!encoder.IsAvailable && !await TryAttachAsync(autoPull, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (!encoder.IsSearchable)
        {
            await backfill.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> TryAttachAsync(bool autoPull, CancellationToken cancellationToken)
    {
        var directory = catalog.Locate(ModelName);
        if (!ModelFolder.TryLoad(directory, out var folder, out _))
        {
            if (!autoPull || pullTried || DownloadableManifest(directory) is not { } manifest)
            {
                return false;
            }

            pullTried = true;
            if (!await PullAsync(manifest, directory, cancellationToken).ConfigureAwait(false)
                || !ModelFolder.TryLoad(directory, out folder, out _))
            {
                return false;
            }
        }

        var model = folder!;
        var signature = ModelFileCheck.Signature(model);
        if (signature == refused)
        {
            return false;
        }

        switch (await ModelFileCheck.CheckAsync(model, cancellationToken).ConfigureAwait(false))
        {
            case { Pending: true }:
                // Files still arriving (a pull or a copy in progress): look again later.
                return false;
            case { Problem: { } mismatch }:
                refused = signature;
                Refuse($"{mismatch}; replace it or run `newsqa models pull`");
                return false;
        }

        var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (stats.EmbeddingModel is { } stored && stored != model.Manifest.Id)
        {
            refused = signature;
            state.Fail(new EmbeddingModelMismatchException(stored, model.Manifest.Id).Message);
            return false;
        }

        try
        {
            owned = OnnxModelAttachment.AttachTo(encoder, model, onnx.Value, searchable: stats.Documents == 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            refused = signature;
            Refuse($"the model in {model.Directory} failed to load ({ex.GetType().Name})");
            return false;
        }

        var profile = encoder.Profile;
        LogAttached(logger, profile.ModelId, profile.Dimensions, model.Directory);
        if (stats.Documents == 0)
        {
            state.Ready(profile.ModelId, EmbeddingStatus.Ready(profile.ModelId, model.Directory, profile.Dimensions).Message);
        }
        else
        {
            state.Embedding(profile.ModelId, 0, stats.Documents);
        }

        return true;
    }

    /// <summary>Downloads the manifest's files; false (with the one-line reason in readiness and the log) when it cannot.</summary>
    private async Task<bool> PullAsync(ModelManifest manifest, string directory, CancellationToken cancellationToken)
    {
        var total = manifest.Files.Sum(f => f.Size ?? 0);
        var host = manifest.Files[0].Url!.Host;
        if (ModelFileCheck.FreeSpaceShortfall(manifest, directory) is { } missing)
        {
            Refuse($"disk full: fetching {ModelName} needs {Megabytes(missing)} more free space in the models folder");
            return false;
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
        catch (ModelDownloadException ex) when (ex.VerificationFailed)
        {
            Refuse($"hash mismatch: {current} from {host} does not match its manifest's sha256 and was deleted");
            return false;
        }
        catch (ModelDownloadException ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
        {
            Refuse($"offline: {host} cannot be reached to fetch {ModelName} ({Megabytes(total)}); what arrived is kept and the next start resumes it");
            return false;
        }
        catch (Exception ex) when (ex is ModelDownloadException { InnerException: HttpRequestException or TaskCanceledException } or HttpIOException
            || (ex is IOException && ex.InnerException is System.Net.Sockets.SocketException))
        {
            Refuse($"the connection to {host} broke off while fetching {current}; what arrived is kept and the next start resumes it");
            return false;
        }
        catch (ModelDownloadException)
        {
            Refuse($"{host} refused the download of {current}; run `newsqa models pull` to see the server's answer");
            return false;
        }
        catch (IOException ex) when (ModelFileCheck.IsDiskFull(ex))
        {
            Refuse($"disk full while writing {current} into the models folder; what arrived is kept and the next start resumes it");
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Refuse($"cannot write {current} into the models folder ({ex.GetType().Name})");
            return false;
        }

        LogPulled(logger, ModelName);
        return true;
    }

    private ModelManifest? DownloadableManifest(string directory)
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

    private void Refuse(string reason)
    {
        var line = $"{ModelName}: {reason}; staying lexical";
        state.Lexical(line);
        LogRefused(logger, line);
    }

    private static string Megabytes(long bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.#} MB" : $"{bytes / 1000.0:0.#} kB";

    public void Dispose() => owned?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding model {Model} is missing: fetching {Size} from {Host} in the background; search is lexical until it is ready (Embeddings:AutoPull=false turns this off)")]
    private static partial void LogPulling(ILogger logger, string model, string size, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetching {Model}: {Done} of {Total}")]
    private static partial void LogPullProgress(ILogger logger, string model, string done, string total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Model}; every file matches its manifest's sha256")]
    private static partial void LogPulled(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embeddings: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding model {Model} ({Dimensions} dimensions) loaded from {Directory}")]
    private static partial void LogAttached(ILogger logger, string model, int dimensions, string directory);
}
