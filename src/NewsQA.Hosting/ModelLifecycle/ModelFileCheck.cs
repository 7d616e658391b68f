using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Whether a model folder that appeared may be used: every file its manifest lists is there, complete and with
/// the published sha256 (the same check as <see cref="ModelDownloader"/>). Files still being written (a pull's
/// <c>.partial</c>, a copy shorter than its size) mean "not yet", not "refused".
/// </summary>
internal static class ModelFileCheck
{
    public sealed record Outcome(bool Pending, string? Problem);

    /// <summary>Sizes and write times of the folder's files: a refused folder is looked at again only when it changed.</summary>
    public static string Signature(ModelFolder model) =>
        string.Join('|', System.IO.Directory.EnumerateFiles(model.Directory).Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    public static async Task<Outcome> CheckAsync(ModelFolder model, CancellationToken cancellationToken)
    {
        foreach (var file in model.Manifest.Files)
        {
            var path = Path.Combine(model.Directory, file.Path);
            var info = new FileInfo(path);
            if (!info.Exists || File.Exists(path + ".partial") || (file.Size is { } size && info.Length < size))
            {
                return new Outcome(Pending: true, null);
            }
        }

        foreach (var file in model.Manifest.Files)
        {
            if (await ModelDownloader.VerifyAsync(Path.Combine(model.Directory, file.Path), file, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return new Outcome(Pending: false, $"{file.Path} does not match its manifest ({problem})");
            }
        }

        return new Outcome(Pending: false, null);
    }

    /// <summary>Bytes still to fetch beyond the free space of the models folder's drive; null when they fit (or it cannot be told).</summary>
    public static long? FreeSpaceShortfall(ModelManifest manifest, string directory)
    {
        long needed = 0;
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Path);
            var have = File.Exists(path) ? new FileInfo(path).Length : File.Exists(path + ".partial") ? new FileInfo(path + ".partial").Length : 0;
            needed += Math.Max(0, (file.Size ?? 0) - have);
        }

        try
        {
            var existing = Path.GetFullPath(directory);
            while (!System.IO.Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            var free = new DriveInfo(existing).AvailableFreeSpace;
            return needed > free ? needed - free : null;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
