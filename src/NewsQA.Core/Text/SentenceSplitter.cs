using NewsQA.Core.Documents;

namespace NewsQA.Core.Text;

/// <summary>
/// Rule-based sentence splitter for German news text. A line break always ends a sentence
/// (headlines and paragraphs stand on their own lines); within a line, <c>. ! ? …</c> (with any
/// closing quotes or brackets) end one only when white space and a sentence start follow and the
/// word before is not an abbreviation, an initial or an ordinal such as "30. April".
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentence spans in <paramref name="text"/>, trimmed of surrounding white space, in order.</summary>
    public static IReadOnlyList<TextSpan> Split(string text) => Split(text, new TextSpan(0, text.Length));

    /// <summary>Sentence spans inside <paramref name="range"/> of <paramref name="text"/>.</summary>
    public static IReadOnlyList<TextSpan> Split(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = range.Start;
        var i = range.Start;
        while (i < range.End)
        {
            var c = text[i];
            if (c == '\n')
            {
                AddTrimmed(text, start, i, spans);
                start = i + 1;
                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                while (end < range.End && text[end] is '.' or '!' or '?' or '…')
                {
                    end++;
                }

                while (end < range.End && IsClosing(text[end]))
                {
                    end++;
                }

                if (IsBoundary(text, range, i, end))
                {
                    AddTrimmed(text, start, end, spans);
                    start = end;
                }

                i = end;
                continue;
            }

            i++;
        }

        AddTrimmed(text, start, range.End, spans);
        return spans;
    }

    private static bool IsBoundary(string text, TextSpan range, int punct, int afterPunct)
    {
        // Text must continue with white space and then something that can start a sentence.
        var j = afterPunct;
        if (j >= range.End)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[j]))
        {
            return false;
        }

        while (j < range.End && text[j] is ' ' or '\t')
        {
            j++;
        }

        if (j >= range.End || text[j] == '\n')
        {
            return true;
        }

        var next = text[j];
        if (char.IsLower(next) || next is ',' or ';' or ':' or ')' or ']')
        {
            return false;
        }

        if (text[punct] != '.' || afterPunct - punct > 1 && text[afterPunct - 1] == '.')
        {
            // '!', '?', '…', or an ellipsis of dots: a capital letter after it starts a new sentence.
            return true;
        }

        if (afterPunct != punct + 1)
        {
            // The dot sits inside closing quotes/brackets: `verändert."` ends a sentence.
            return true;
        }

        var word = WordBefore(text, range.Start, punct);
        if (word.Length == 0)
        {
            return true;
        }

        // Initials ("J. Trump") and one-letter abbreviations ("z. B.", "u. a.").
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false;
        }

        if (GermanAbbreviations.Words.Contains(word))
        {
            return false;
        }

        if (IsAllDigits(word) && word.Length <= 4)
        {
            var following = WordAfter(text, j, range.End);
            if (GermanAbbreviations.AfterOrdinal.Contains(following) || (following.Length > 0 && char.IsDigit(following[0])))
            {
                return false;
            }
        }

        return true;
    }

    private static string WordBefore(string text, int floor, int end)
    {
        var s = end;
        while (s > floor && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] == '-'))
        {
            s--;
        }

        return text[s..end];
    }

    private static string WordAfter(string text, int start, int ceiling)
    {
        var e = start;
        while (e < ceiling && char.IsLetterOrDigit(text[e]))
        {
            e++;
        }

        return text[start..e];
    }

    private static bool IsAllDigits(string word)
    {
        foreach (var ch in word)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '“' or '’' or '«' or '»' or ')' or ']';

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end));
        }
    }
}
