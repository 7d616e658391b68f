using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// The text of an element as a reader sees it: each block (paragraph, heading, list item, caption, quote) a paragraph
/// of its own, separated by a blank line as in the seeds' text files, runs of white space inside one collapsed, a
/// <c>br</c> a line break. The cleaner and the chunker then treat it exactly like a text file.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "figure", "figcaption", "pre", "table", "tr", "td", "th", "hr", "address", "details", "summary",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "svg", "img", "picture", "video", "audio", "canvas", "head", "title" };

    public static string Of(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, paragraphs, current);
        Flush(paragraphs, current);
        return string.Join("\n\n", paragraphs);
    }

    private static void Walk(INode node, List<string> paragraphs, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    current.Append('\n');
                    break;
                case IElement e when Skipped.Contains(e.LocalName) || IsEntryTimestamp(e):
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    Flush(paragraphs, current);
                    Walk(e, paragraphs, current);
                    Flush(paragraphs, current);
                    break;
                case IElement e:
                    Walk(e, paragraphs, current);
                    break;
            }
        }
    }

    /// <summary>
    /// A news blog stamps each entry with its clock time ("09:12 Uhr") in a <c>time</c> element of its own line: that
    /// is page furniture, while a <c>time</c> inside a sentence ("am 4. Juni") is text and stays.
    /// </summary>
    private static bool IsEntryTimestamp(IElement e) =>
        e.LocalName == "time" && ClockTime().IsMatch(e.TextContent.Trim()) && e.ParentElement is { } parent && parent.TextContent.Trim() == e.TextContent.Trim();

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var lines = current.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        var paragraph = string.Join('\n', lines);
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph);
        }

        current.Clear();
    }

    [GeneratedRegex(@"^\d{1,2}[:.]\d{2}(\s*Uhr)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    // Non-breaking and other Unicode spaces count as space; a page's indentation and line wrapping do not survive.
    [GeneratedRegex(@"[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
