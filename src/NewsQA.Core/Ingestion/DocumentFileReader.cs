using System.Text.Json;

namespace NewsQA.Core.Ingestion;

/// <summary>One document read from a file, or the reason a record could not be read.</summary>
public sealed record DocumentReadResult(DocumentInput? Input, string Origin, string? Error);

/// <summary>
/// Reads documents from files and folders: <c>.txt</c>/<c>.md</c> as one seed-like article (id = file
/// name), <c>.json</c> as an object or array, <c>.jsonl</c> one object per line, each decoded by
/// <see cref="DocumentDecoder"/> exactly as <c>POST /api/documents</c> decodes its body.
/// A bad record is reported and skipped; it does not stop the others.
/// </summary>
public static class DocumentFileReader
{
    private static readonly string[] Extensions = [".txt", ".md", ".json", ".jsonl"];

    /// <summary>The files a path stands for: itself, or the supported files below a folder, sorted.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    public static IEnumerable<DocumentReadResult> Read(string file)
    {
        if (!File.Exists(file))
        {
            yield return new DocumentReadResult(null, file, "file not found");
            yield break;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            yield return new DocumentReadResult(null, file, $"unsupported file type '{extension}' (use .txt, .md, .json or .jsonl)");
            yield break;
        }

        var (decoded, readError) = DocumentDecoder.DecodeText(File.ReadAllBytes(file));
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
                    : new DocumentReadResult(new DocumentInput(content) { Id = IdFromFileName(file), Origin = file }, file, null);
                break;
        }
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

    /// <summary>A seed's id is its file name without extension, with characters outside the id alphabet replaced.</summary>
    public static string IdFromFileName(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-' ? c : '-').ToArray();
        var id = new string(chars).TrimStart('.', '_', ':', '-');
        return id.Length == 0 ? "doc" : id[..Math.Min(id.Length, DocumentId.MaxLength)];
    }
}
