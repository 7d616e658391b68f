using System.Text;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Answer.Citations;

/// <summary>
/// The one place a quote is found in a text. <see cref="Locate"/> is exact (the verifier's rule: what leaves the
/// service is the stored text, character for character); <see cref="LocateTolerant"/> also finds a quote that differs
/// only in whitespace, quotation-mark or dash style, as a language model retypes them, and returns the span of the
/// original characters, so the quote can be replaced by the stored text before it is verified.
/// </summary>
public static class QuoteLocator
{
    /// <summary>
    /// Where <paramref name="quote"/> stands in <paramref name="text"/> exactly: at <paramref name="given"/> when it is
    /// there, else its first occurrence inside <paramref name="region"/> (its chunk), else anywhere; null if nowhere.
    /// </summary>
    public static TextSpan? Locate(string text, string quote, TextSpan? given = null, TextSpan? region = null)
    {
        if (string.IsNullOrEmpty(quote))
        {
            return null;
        }

        if (given is { } g && IsAt(text, g, quote))
        {
            return g;
        }

        if (region is { } r && r.IsValidFor(text))
        {
            var inRegion = text.IndexOf(quote, r.Start, r.Length, StringComparison.Ordinal);
            if (inRegion >= 0)
            {
                return new TextSpan(inRegion, inRegion + quote.Length);
            }
        }

        var anywhere = text.IndexOf(quote, StringComparison.Ordinal);
        return anywhere >= 0 ? new TextSpan(anywhere, anywhere + quote.Length) : null;
    }

    /// <summary>The quote's place in <paramref name="text"/>, exactly or up to whitespace, quotation-mark and dash style.</summary>
    public static TextSpan? LocateTolerant(string text, string quote)
    {
        if (Locate(text, quote) is { } exact)
        {
            return exact;
        }

        var (normalText, map) = Normalise(text);
        var (needle, _) = Normalise(quote);
        var at = needle.Length == 0 ? -1 : normalText.IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? null : new TextSpan(map[at], map[at + needle.Length - 1] + 1);
    }

    /// <summary>True when <paramref name="quote"/> is exactly <c>text[span]</c>.</summary>
    public static bool IsAt(string text, TextSpan span, string quote) =>
        span.IsValidFor(text) && span.Length == quote.Length && string.CompareOrdinal(text, span.Start, quote, 0, span.Length) == 0;

    /// <summary>Whitespace runs become one space and typographic quotes and dashes their ASCII forms; map[i] is the source index of character i.</summary>
    private static (string Text, int[] Map) Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        var map = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                    map.Add(i);
                }

                continue;
            }

            sb.Append(c switch
            {
                '„' or '“' or '”' or '«' or '»' or '″' => '"',
                '‚' or '‘' or '’' or '‹' or '›' or '´' or '`' => '\'',
                '–' or '—' => '-',
                _ => c,
            });
            map.Add(i);
        }

        var normal = sb.ToString();
        return normal.EndsWith(' ') ? (normal[..^1], map.Take(map.Count - 1).ToArray()) : (normal, map.ToArray());
    }
}
