using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>
/// Downloads a manifest's files into a model folder (<c>newsqa models pull NAME</c>). Each file goes to
/// <c>FILE.partial</c> first and resumes from there with an HTTP Range request; it gets its final name only after its
/// size and sha256 match the manifest. A file that does not match is deleted and the pull fails. A transfer is bounded:
/// it stops at the manifest's size (a server that sends more is refused, not believed) and when the disk's free space
/// falls under <see cref="MinimumFreeBytes"/>, and then deletes what it wrote, so a pull can never fill the disk the
/// store writes to.
/// </summary>
public sealed class ModelDownloader(HttpClient http)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Free space a pull leaves on the models folder's disk for everything else (the store, logs).</summary>
    public long MinimumFreeBytes { get; init; } = 64L * 1024 * 1024;

    public async Task PullAsync(ModelManifest manifest, string directory, Action<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (manifest.Problem() is { } problem)
        {
            throw new ModelDownloadException($"Model '{manifest.Id}' has an unusable manifest: {problem}.");
        }

        if (manifest.Files.Count == 0 || manifest.Files.Any(f => f.Url is null))
        {
            throw new ModelDownloadException($"Model '{manifest.Id}' has files without a download URL in its manifest; copy them into {directory} by hand.");
        }

        Directory.CreateDirectory(directory);
        foreach (var file in manifest.Files)
        {
            await DownloadFileAsync(file, directory, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DownloadFileAsync(ModelFileEntry file, string directory, Action<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var url = file.Url ?? throw new ModelDownloadException($"{file.Path} has no download URL.");
        // Checked here too (not only in the manifest) because this is the line that writes: nothing lands outside the folder.
        var root = Path.GetFullPath(directory);
        var target = Path.GetFullPath(Path.Combine(root, file.Path));
        if (!ModelManifest.IsSafeRelativePath(file.Path) || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ModelDownloadException($"'{file.Path}' is not a file name inside the model folder; nothing was downloaded.");
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ModelDownloadException($"{file.Path} has a {url.Scheme}: URL; only http(s) downloads are allowed.");
        }

        var partial = target + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        if (File.Exists(target))
        {
            if (await MatchesAsync(target, file, cancellationToken).ConfigureAwait(false))
            {
                progress?.Invoke(new DownloadProgress(file.Path, new FileInfo(target).Length, file.Size, Resumed: false));
                return;
            }

            // An old or damaged copy: fetch it again rather than keep a file that is not what the manifest names.
            File.Delete(target);
        }

        string? stopped;
        try
        {
            stopped = await FetchAsync(url, partial, file, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (IsDiskFull(ex))
        {
            stopped = "the disk became full";
        }
        catch (HttpRequestException ex)
        {
            throw new ModelDownloadException(
                $"Could not download {url}: {ex.Message}. There seems to be no network (or the host cannot be reached); "
                + $"what was fetched so far is kept in {partial} and the next pull resumes it. Without a network, copy {file.Path} into {directory} by hand.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelDownloadException($"Downloading {url} timed out; the next pull resumes from {partial}.", ex);
        }

        if (stopped is not null)
        {
            File.Delete(partial);
            throw new ModelDownloadException($"{file.Path} from {url.Host}: the download was stopped because {stopped}; the partial file was deleted.", stoppedByBound: true);
        }

        var problem = await VerifyAsync(partial, file, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            File.Delete(partial);
            throw new ModelDownloadException($"{file.Path} from {url} failed verification ({problem}); the downloaded file was deleted.", verificationFailed: true);
        }

        File.Move(partial, target, overwrite: true);
    }

    /// <summary>Fetches into <paramref name="partial"/>; null when the server's answer ended, else the bound that stopped it.</summary>
    private async Task<string?> FetchAsync(Uri url, string partial, ModelFileEntry file, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (file.Size is { } size && offset >= size)
        {
            // Nothing left to ask for (a Range past the end would be answered 416); verification decides.
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UriFormatException or NotSupportedException)
        {
            // The handler follows redirects by itself (the hub sends one to its CDN) and fails on a Location such as
            // file:///etc/passwd; the server asked for something no download may do.
            throw new ModelDownloadException($"{file.Path}: {url.Host} redirected the download to an address that is not http(s); nothing was downloaded.", ex);
        }

        using var response = sent;
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The server has no bytes past our offset: the partial file is as long as the file, or longer (corrupt); verification decides.
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ModelDownloadException($"Could not download {url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        // 206 continues where we stopped; a 200 means the server ignored the Range and sends the whole file again.
        var resumed = offset > 0 && response.StatusCode == HttpStatusCode.PartialContent;
        if (!resumed)
        {
            offset = 0;
        }

        var total = file.Size ?? (response.Content.Headers.ContentLength is { } length ? offset + length : null);
        await using var output = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        var done = offset;
        progress?.Invoke(new DownloadProgress(file.Path, done, total, resumed));
        var folder = Path.GetDirectoryName(Path.GetFullPath(partial))!;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (file.Size is { } declared && done + read > declared)
            {
                return $"the server sent more than the {declared} bytes the manifest declares";
            }

            if (FreeBytes(folder) is { } free && free - read < MinimumFreeBytes)
            {
                return $"free space on the models folder's disk fell under {MinimumFreeBytes / (1024 * 1024)} MiB";
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            progress?.Invoke(new DownloadProgress(file.Path, done, total, resumed));
        }

        return null;
    }

    /// <summary>Free bytes on the disk holding <paramref name="folder"/>, or null when the system cannot tell.</summary>
    private static long? FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>ENOSPC on Unix (the errno is the HResult there), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException ex) => ex.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    private static async Task<bool> MatchesAsync(string path, ModelFileEntry file, CancellationToken cancellationToken) =>
        await VerifyAsync(path, file, cancellationToken).ConfigureAwait(false) is null;

    /// <summary>Null when size and sha256 match the manifest (each checked only if the manifest gives it), otherwise what differs.</summary>
    public static async Task<string?> VerifyAsync(string path, ModelFileEntry file, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (file.Size is { } size && length != size)
        {
            return $"expected {size} bytes, got {length}";
        }

        if (file.Sha256 is null)
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        return string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase) ? null : $"sha256 expected {file.Sha256}, got {actual}";
    }
}
