using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingest.Input;

/// <summary>Document ids travel in URL paths and chunk ids ("id#3"), so they are restricted to a safe alphabet.</summary>
public static partial class DocumentId
{
    public const int MaxLength = 200;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id);

    public static string Describe => $"1 to {MaxLength} characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit";

    /// <summary>An id for a document sent without one: stable for the same content, so re-sending it is idempotent.</summary>
    public static string FromContentHash(string contentHash) => "doc-" + contentHash[..16];

    // \z, not $: .NET's $ also matches before a final newline, which would let "x\n" pass as a second id beside "x".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:\-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
