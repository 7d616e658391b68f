using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Core.Ingest.Input;

/// <summary>
/// Document ids travel in URL paths and chunk ids ("id#3"), so they are restricted to a safe alphabet: letters, marks
/// and digits of any script, '.', '_', ':' and '-', in Unicode NFC, so that one name spelled composed or decomposed is
/// one id and none holds a separator, control or invisible character.
/// </summary>
public static class DocumentId
{
    public const int MaxLength = 200;

    /// <summary>Hex digits of the name's SHA-256 that tell apart names whose ids would otherwise be the same.</summary>
    private const int DisambiguatorLength = 12;

    public static bool IsValid(string? id)
    {
        if (id is not { Length: > 0 and <= MaxLength } || !id.IsNormalized(NormalizationForm.FormC))
        {
            return false;
        }

        var first = true;
        foreach (var rune in id.EnumerateRunes())
        {
            if (first ? !IsLetterOrDigit(rune) : !IsIdCharacter(rune))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    public static string Describe => $"1 to {MaxLength} characters of letters or digits (any script, Unicode NFC), '.', '_', ':' or '-', starting with a letter or digit";

    /// <summary>An id for a document sent without one: stable for the same content, so re-sending it is idempotent.</summary>
    public static string FromContentHash(string contentHash) => "doc-" + contentHash[..16];

    /// <summary>
    /// The id a name stands for (a file name without its extension): the name itself (NFC) when it is a valid id;
    /// otherwise each character outside the alphabet becomes '-', leading separators go, and a digest of the whole
    /// name is appended, so two different names never map to one id ("a b" → "a-b-…", while "a-b" stays "a-b").
    /// </summary>
    public static string FromName(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormC);
        if (IsValid(normalized))
        {
            return normalized;
        }

        var kept = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (kept.Length == 0 && !IsLetterOrDigit(rune))
            {
                continue;
            }

            kept.Append(IsIdCharacter(rune) ? rune.ToString() : "-");
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..DisambiguatorLength];
        var stem = kept.Length == 0 ? "doc" : kept.ToString();
        var room = MaxLength - DisambiguatorLength - 1;
        if (stem.Length > room)
        {
            // Never cut a surrogate pair in two.
            stem = stem[..(char.IsHighSurrogate(stem[room - 1]) ? room - 1 : room)];
        }

        return $"{stem}-{digest}";
    }

    private static bool IsLetterOrDigit(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static bool IsIdCharacter(Rune rune) => IsLetterOrDigit(rune) || rune.Value is '.' or '_' or ':' or '-' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
