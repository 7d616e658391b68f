using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// The per-segment states of a search's terms in one field, looked up once and handed to its term queries. Lucene's own
/// lookup (TermContext.Build, and DocFreq) opens a fresh terms enumerator per term and segment; a search names a
/// question's terms, their document terms and dozens of grams, so those lookups were most of its time. Here one
/// enumerator per segment seeks the terms in sorted order, and the queries reuse the states instead of seeking again.
/// </summary>
internal static class TermStates
{
    /// <summary>The state of each of <paramref name="terms"/> in <paramref name="field"/> across <paramref name="reader"/>'s segments (doc freq 0: absent).</summary>
    public static Dictionary<string, TermContext> Of(IndexReader reader, string field, IEnumerable<string> terms)
    {
        var top = reader.Context;
        var sorted = terms.Distinct(StringComparer.Ordinal).Select(t => (Text: t, Bytes: new BytesRef(t))).ToList();

        // Lucene orders terms by their UTF-8 bytes; seeking in that order lets the enumerator move forward through its blocks.
        sorted.Sort((a, b) => a.Bytes.CompareTo(b.Bytes));
        var states = sorted.ToDictionary(t => t.Text, _ => new TermContext(top), StringComparer.Ordinal);
        foreach (var leaf in top.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } fieldTerms)
            {
                continue;
            }

            var enumerator = fieldTerms.GetEnumerator();
            foreach (var (text, bytes) in sorted)
            {
                if (enumerator.SeekExact(bytes))
                {
                    states[text].Register(enumerator.GetTermState(), leaf.Ord, enumerator.DocFreq, enumerator.TotalTermFreq);
                }
            }
        }

        return states;
    }
}
