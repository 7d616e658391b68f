using System.Text;

namespace NewsQA.Core.Text;

/// <summary>
/// Brings raw text into the one form every span refers to: Unicode NFC, <c>\n</c> line breaks,
/// no control characters but tab and newline, no invisible format characters that break matching.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n' || rune.Value == '\t')
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category == System.Globalization.UnicodeCategory.Control)
            {
                continue;
            }

            // Non-breaking and other exotic spaces become plain spaces so queries and quotes match what readers type.
            if (category == System.Globalization.UnicodeCategory.SpaceSeparator)
            {
                sb.Append(' ');
                continue;
            }

            // Zero-width space, BOM and soft hyphen hide inside words and defeat search; ZWJ stays (emoji sequences need it).
            if (rune.Value is 0x200B or 0xFEFF or 0x00AD)
            {
                continue;
            }

            sb.Append(rune.ToString());
        }

        // Lone surrogates cannot be normalized; EnumerateRunes already replaced them with U+FFFD.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
