using System.Text.RegularExpressions;

namespace NewsQA.Api.Errors;

/// <summary>
/// Status text that reaches anonymous readers (the unauthenticated readiness body) keeps what failed but not
/// where on disk: an absolute path becomes its last segment ("…/multilingual-e5-small"). The full text is in the log.
/// </summary>
internal static partial class ReaderText
{
    public static string? WithoutPaths(string? text) =>
        text is null ? null : AbsolutePath().Replace(text, m => "…/" + Path.GetFileName(m.Value.TrimEnd('/')));

    [GeneratedRegex(@"(?<![\w:/.])/[^\s'""`,;()]+", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
