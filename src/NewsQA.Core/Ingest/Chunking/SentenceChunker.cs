using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Ingest.Chunking;

/// <summary>
/// Groups whole sentences into passages of about <see cref="ChunkingOptions.TargetChars"/>,
/// preferring paragraph breaks, with <see cref="ChunkingOptions.OverlapSentences"/> of overlap.
/// Each chunk is one contiguous span of the text. With an embedding model's <paramref name="window"/>, no chunk
/// holds more tokens than the model reads: a chunk stops growing before it would overflow, and a sentence
/// that alone overflows is cut at word boundaries until its pieces fit.
/// </summary>
public sealed class SentenceChunker(ChunkingOptions options, IPassageWindow? window = null)
{
    public IReadOnlyList<Chunk> Chunk(string documentId, string text)
    {
        var units = FitToWindow(text, SplitLongSentences(text, SentenceSplitter.Split(text)));
        var chunks = new List<Chunk>();
        var first = 0;
        while (first < units.Count)
        {
            var last = first;
            while (last + 1 < units.Count)
            {
                var size = units[last].End - units[first].Start;
                var grown = units[last + 1].End - units[first].Start;
                if (grown > options.MaxChars || size >= options.TargetChars || !Fits(text, units[first].Start, units[last + 1].End))
                {
                    break;
                }

                if (size >= options.MinCharsBeforeParagraphBreak && StartsParagraph(text, units[last], units[last + 1]))
                {
                    break;
                }

                last++;
            }

            var span = new TextSpan(units[first].Start, units[last].End);
            chunks.Add(new Chunk(Documents.Chunk.MakeId(documentId, chunks.Count), documentId, chunks.Count, span, span.Slice(text)));
            if (last + 1 >= units.Count)
            {
                break;
            }

            // Overlap, but always move forward and never repeat a whole chunk.
            first = Math.Max(first + 1, last + 1 - options.OverlapSentences);
            if (StartsParagraph(text, units[last], units[last + 1]))
            {
                first = last + 1;
            }
        }

        return chunks;
    }

    private bool Fits(string text, int start, int end) => window is null || window.Fits(text[start..end]);

    /// <summary>Halves units at the space nearest their middle until each fits the model's window (a lone word always stays whole).</summary>
    private List<TextSpan> FitToWindow(string text, List<TextSpan> units)
    {
        if (window is null)
        {
            return units;
        }

        var fitted = new List<TextSpan>(units.Count);
        var pending = new Stack<TextSpan>(Enumerable.Reverse(units));
        while (pending.TryPop(out var unit))
        {
            var middle = unit.Start + (unit.Length / 2);
            var cut = Fits(text, unit.Start, unit.End) ? -1 : NearestSpace(text, unit, middle);
            if (cut < 0)
            {
                fitted.Add(unit);
                continue;
            }

            var leftEnd = cut;
            while (leftEnd > unit.Start && char.IsWhiteSpace(text[leftEnd - 1]))
            {
                leftEnd--;
            }

            var rightStart = cut;
            while (rightStart < unit.End && char.IsWhiteSpace(text[rightStart]))
            {
                rightStart++;
            }

            pending.Push(new TextSpan(rightStart, unit.End));
            pending.Push(new TextSpan(unit.Start, leftEnd));
        }

        return fitted;
    }

    private static int NearestSpace(string text, TextSpan unit, int middle)
    {
        for (var d = 0; d < unit.Length / 2; d++)
        {
            foreach (var at in (int[])[middle - d, middle + d])
            {
                if (at > unit.Start && at < unit.End - 1 && char.IsWhiteSpace(text[at]))
                {
                    return at;
                }
            }
        }

        return -1;
    }

    private static bool StartsParagraph(string text, TextSpan previous, TextSpan next) =>
        text.AsSpan(previous.End, next.Start - previous.End).Count('\n') >= 2;

    /// <summary>Cuts sentences longer than MaxChars at spaces (or hard, between code points) so no chunk exceeds it.</summary>
    private List<TextSpan> SplitLongSentences(string text, IReadOnlyList<TextSpan> sentences)
    {
        var units = new List<TextSpan>(sentences.Count);
        foreach (var s in sentences)
        {
            var start = s.Start;
            while (s.End - start > options.MaxChars)
            {
                var limit = start + options.MaxChars;
                var cut = text.LastIndexOf(' ', limit - 1, limit - start - 1);
                if (cut <= start + options.MaxChars / 2)
                {
                    cut = limit;
                    if (char.IsLowSurrogate(text[cut]))
                    {
                        cut--;
                    }
                }

                var end = cut;
                while (end > start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }

                units.Add(new TextSpan(start, end));
                start = cut;
                while (start < s.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
            }

            if (s.End > start)
            {
                units.Add(new TextSpan(start, s.End));
            }
        }

        return units;
    }
}
