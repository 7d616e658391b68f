using NewsQA.Core.Ingest.Input;

namespace NewsQA.Cli.Commands;

/// <summary>
/// The ids one ingest run derived from file names, so that two files whose names map to one id ("a.txt" and "a.md")
/// are reported as a collision instead of the later silently replacing the earlier. Ids a record names itself are
/// not tracked: a record sent twice with its id is an update, as through the API.
/// </summary>
internal sealed class FileNameIds
{
    private readonly Dictionary<string, string> fileById = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="record"/> is skipped, or null; only records whose id came from their file's name are checked.</summary>
    public string? Collision(DocumentReadResult record)
    {
        var whole = Path.GetExtension(record.Origin).ToLowerInvariant() is ".txt" or ".md";
        if (!whole || record.Input?.Id is not { } id || id != DocumentFileReader.IdFromFileName(record.Origin))
        {
            return null;
        }

        if (fileById.TryGetValue(id, out var first) && first != record.Origin)
        {
            return $"its name gives the id '{id}', which {Path.GetFileName(first)} already took in this run; rename one of them";
        }

        fileById[id] = record.Origin;
        return null;
    }
}
