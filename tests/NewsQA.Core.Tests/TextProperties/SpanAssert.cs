using NewsQA.Core.Documents;

namespace NewsQA.Core.Tests.TextProperties;

internal static class SpanAssert
{
    /// <summary>A span is inside the text and neither of its ends falls between the halves of a surrogate pair.</summary>
    public static void IsValid(string text, TextSpan span)
    {
        Assert.True(span.IsValidFor(text), $"{span} not valid for text of length {text.Length}");
        Assert.False(SplitsPair(text, span.Start), $"{span} starts inside a surrogate pair");
        Assert.False(SplitsPair(text, span.End), $"{span} ends inside a surrogate pair");
    }

    public static void HasNoLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(s[i]), $"lone surrogate U+{(int)s[i]:X4} at {i}");
        }
    }

    private static bool SplitsPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);
}
