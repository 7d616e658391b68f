using System.Text;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// The characters of a page given as bytes, found the way browsers find them (WHATWG encoding sniffing, shortened):
/// a byte-order mark; else the charset the server declared; else a <c>meta charset</c> near the top; else UTF-8 when the
/// bytes are valid UTF-8; else windows-1252, the web's default for Western pages. Servers often declare Latin-1 for
/// pages written in UTF-8: bytes that are valid UTF-8 and hold non-ASCII sequences are read as UTF-8 whatever a
/// single-byte charset claims, since Latin-1 text almost never forms valid UTF-8 by chance.
/// </summary>
public static partial class HtmlDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The decoded page; <paramref name="declaredCharset"/> is the HTTP <c>Content-Type</c>'s charset, if any.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        }

        var utf8 = TryUtf8(bytes);
        var declared = EncodingNamed(declaredCharset) ?? EncodingNamed(MetaCharset(bytes));
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
        {
            return utf8 ?? Windows1252.GetString(bytes);
        }

        // A single-byte charset declared for bytes that are valid UTF-8 with non-ASCII in them: the declaration is wrong.
        return utf8 is not null && declared.IsSingleByte && bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F) ? utf8 : declared.GetString(bytes);
    }

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static string? TryUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Encoding? EncodingNamed(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));
            // The web reads "iso-8859-1" and "us-ascii" as windows-1252 (WHATWG Encoding, labels), which has „ “ – € where Latin-1 has controls.
            return encoding.CodePage is 28591 or 20127 ? Windows1252 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset of a <c>meta</c> in the first 1,024 bytes (the HTML standard's prescan window).</summary>
    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var m = MetaCharsetPattern().Match(head);
        return m.Success ? m.Groups["charset"].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
