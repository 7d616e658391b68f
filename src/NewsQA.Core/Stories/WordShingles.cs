using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsQA.Core.Stories;

/// <summary>
/// A text as the hashes of its overlapping word n-grams ("shingles"): lower-cased runs of letters and digits, so
/// punctuation, case and line breaks a republishing outlet changes do not change a shingle.
/// </summary>
public static class WordShingles
{
    /// <summary>One 64-bit hash per shingle of <paramref name="words"/> words (a shorter text is one shingle; no words, none).</summary>
    public static List<ulong> Of(string text, int words)
    {
        var wordHashes = WordHashes(text);
        var shingles = new List<ulong>(Math.Max(0, wordHashes.Count - words + 1));
        if (wordHashes.Count == 0)
        {
            return shingles;
        }

        var span = CollectionsMarshal.AsSpan(wordHashes);
        var width = Math.Min(words, span.Length);
        for (var i = 0; i + width <= span.Length; i++)
        {
            shingles.Add(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(span.Slice(i, width))));
        }

        return shingles;
    }

    private static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>(text.Length / 6);
        Span<char> word = stackalloc char[64];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                // Longer words are cut: a 64-character prefix still tells words apart.
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (length > 0)
            {
                hashes.Add(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(word[..length])));
                length = 0;
            }
        }

        if (length > 0)
        {
            hashes.Add(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(word[..length])));
        }

        return hashes;
    }
}
