using System.Text.Json;

namespace NewsQA.Core.Ingest.Input;

/// <summary>One document read from a file, or the reason a record could not be read.</summary>
public sealed record DocumentReadResult(DocumentInput? Input, string Origin, string? Error);

/// <summary>
/// Reads documents from files and folders: <c>.txt</c>/<c>.md</c> as one seed-like article (id = file
/// name), <c>.json</c> as an object or array, <c>.jsonl</c> one object per line, each decoded by
/// <see cref="DocumentDecoder"/> exactly as <c>POST /api/documents</c> decodes its body; <c>.html</c>/<c>.htm</c> as a web page.
/// A bad record is reported and skipped; it does not stop the others.
/// </summary>
public static class DocumentFileReader
{
    private static readonly string[] Extensions = [".txt", ".md", ".json", ".jsonl", ".html", ".htm"];

    /// <summary>Largest file read (a .jsonl of many articles included); past it the file is reported and skipped.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The files a path stands for: itself, or the supported files below a folder, sorted. A symbolic link to a
    /// folder is listed, not entered (<see cref="Read"/> reports it), so a link to <c>..</c> cannot loop or leave.
    /// </summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
            {
                var found = new List<string>();
                Walk(path, found);
                files.AddRange(found.Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>A folder that cannot be listed is itself "found", so <see cref="Read"/> reports it and the walk goes on.</summary>
    private static void Walk(string folder, List<string> found)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            found.Add(folder);
            return;
        }

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo { LinkTarget: null } sub)
            {
                Walk(sub.FullName, found);
            }
            else if (entry is DirectoryInfo || Extensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
            {
                found.Add(Path.Combine(folder, entry.Name));
            }
        }
    }

    /// <summary>
    /// Why <paramref name="file"/> is not read, or null: only regular files up to <see cref="MaxFileBytes"/>; a
    /// symbolic link only to a regular file inside the link's own folder. A FIFO or device is never opened
    /// (opening a FIFO waits for a writer forever; /dev/zero never ends): both report a length of 0.
    /// </summary>
    public static string? Refusal(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return Directory.Exists(file) ? "a link to a folder; links to folders are not followed" : "a broken symbolic link";
            }

            var home = Path.GetFullPath(Path.GetDirectoryName(Path.GetFullPath(file))!) + Path.DirectorySeparatorChar;
            if (!Path.GetFullPath(target.FullName).StartsWith(home, StringComparison.Ordinal))
            {
                return $"a symbolic link out of its folder (to {target.FullName}); not followed";
            }

            info = new FileInfo(target.FullName);
        }

        if (Directory.Exists(info.FullName))
        {
            // A folder reaches here as a link to one, or as a folder the walk could not list.
            return info.LinkTarget is null && new DirectoryInfo(file).LinkTarget is null
                ? "permission denied: the folder cannot be listed"
                : "a link to a folder; links to folders are not followed";
        }

        if (!info.Exists)
        {
            return "file not found";
        }

        if (info.Length == 0)
        {
            return "empty, or not a regular file (a FIFO, socket or device)";
        }

        return info.Length > MaxFileBytes ? $"{info.Length} bytes; the limit is {MaxFileBytes} bytes per file" : null;
    }

    public static IEnumerable<DocumentReadResult> Read(string file)
    {
        if (Refusal(file) is { } refusal)
        {
            yield return new DocumentReadResult(null, file, refusal);
            yield break;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            yield return new DocumentReadResult(null, file, $"unsupported file type '{extension}' (use .txt, .md, .json, .jsonl, .html or .htm)");
            yield break;
        }

        var (bytes, denied) = ReadBounded(file);
        if (bytes is null)
        {
            yield return new DocumentReadResult(null, file, denied);
            yield break;
        }

        if (extension is ".html" or ".htm")
        {
            yield return FromHtmlFile(file, bytes);
            yield break;
        }

        var (decoded, readError) = DocumentDecoder.DecodeText(bytes);
        if (decoded is null)
        {
            yield return new DocumentReadResult(null, file, readError);
            yield break;
        }

        var content = decoded;
        switch (extension)
        {
            case ".jsonl":
                var lineNumber = 0;
                foreach (var line in content.Split('\n'))
                {
                    lineNumber++;
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        yield return FromJson(line, $"{file}:{lineNumber}");
                    }
                }

                break;
            case ".json":
                foreach (var result in FromJsonFile(content, file))
                {
                    yield return result;
                }

                break;
            default:
                yield return string.IsNullOrWhiteSpace(content)
                    ? new DocumentReadResult(null, file, "The document holds no text.")
                    : new DocumentReadResult(new DocumentInput(content) { Id = IdFromFileName(file), FileName = NameOf(file), Origin = file }, file, null);
                break;
        }
    }

    /// <summary>
    /// At most <see cref="MaxFileBytes"/> + 1 bytes, so a file that grows while it is read stays bounded (and fails as
    /// too large); or why it cannot be read, in words (the system's message may name paths or the platform).
    /// </summary>
    private static (byte[]? Bytes, string? Error) ReadBounded(string file)
    {
        try
        {
            return (ReadAll(file), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, "permission denied");
        }
        catch (IOException)
        {
            return (null, "the file cannot be read (an I/O error)");
        }
    }

    private static byte[] ReadAll(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0 && buffer.Length <= MaxFileBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A saved web page: its bytes decoded as a browser would (a saved page keeps its own charset), id = file name.</summary>
    private static DocumentReadResult FromHtmlFile(string file, byte[] bytes)
    {
        var decoded = DocumentDecoder.FromHtml(Html.HtmlDecoding.Decode(bytes), IdFromFileName(file));
        return decoded.Input is { } input ? new DocumentReadResult(input with { FileName = NameOf(file), Origin = file }, file, null) : new DocumentReadResult(null, file, decoded.Error);
    }

    private static IEnumerable<DocumentReadResult> FromJsonFile(string content, string file)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            return [new DocumentReadResult(null, file, $"The record is not valid JSON: {ex.Message}")];
        }

        using (json)
        {
            if (json.RootElement.ValueKind == JsonValueKind.Array)
            {
                return json.RootElement.EnumerateArray().Select((e, i) => FromElement(e, $"{file}[{i}]")).ToList();
            }

            return [FromElement(json.RootElement, file)];
        }
    }

    private static DocumentReadResult FromJson(string line, string origin)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return FromElement(json.RootElement, origin);
        }
        catch (JsonException ex)
        {
            return new DocumentReadResult(null, origin, $"The record is not valid JSON: {ex.Message}");
        }
    }

    private static DocumentReadResult FromElement(JsonElement e, string origin)
    {
        var decoded = DocumentDecoder.FromJson(e);
        return decoded.Input is { } input
            ? new DocumentReadResult(input with { Origin = origin }, origin, null)
            : new DocumentReadResult(null, origin, decoded.Error);
    }

    /// <summary>A seed's id is its file name without extension, as <see cref="DocumentId.FromName"/> makes one of a name.</summary>
    public static string IdFromFileName(string file) => DocumentId.FromName(Path.GetFileNameWithoutExtension(file));

    /// <summary>
    /// The name a file's document is recorded under (<see cref="DocumentInput.FileName"/>): the file name without its
    /// folder, in NFC. The same name in another folder is the same file to the store (a moved folder re-ingests as
    /// updates); within one run <c>newsqa ingest</c> reports two such files.
    /// </summary>
    public static string NameOf(string file) => Path.GetFileName(file).Normalize(System.Text.NormalizationForm.FormC);
}
