namespace NewsQA.Core.Text;

/// <summary>
/// The one rule for how a line or sentence ends, after closing quotes and brackets: with terminal punctuation
/// (. ! ? …) it is a complete sentence; with a colon it introduces what follows (a list, a quote) and is body text
/// but no complete statement.
/// </summary>
public static class SentenceEnd
{
    public static bool IsComplete(string text) => LastMark(text) is '.' or '!' or '?' or '…';

    public static bool IntroducesWhatFollows(string text) => LastMark(text) is ':';

    private static char? LastMark(string text)
    {
        var t = text.TrimEnd('"', '\'', '”', '“', '’', '«', '»', ')', ' ');
        return t.Length > 0 ? t[^1] : null;
    }
}
