using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>Restricts a query to the documents a first pass found (their top-level ids), so a second pass scores only them.</summary>
internal sealed class CandidateFilter(IReadOnlyCollection<int> documents) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        FixedBitSet? bits = null;
        foreach (var doc in documents)
        {
            var local = doc - context.DocBase;
            if (local >= 0 && local < maxDoc)
            {
                bits ??= new FixedBitSet(maxDoc);
                bits.Set(local);
            }
        }

        return bits is null ? null : BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}
