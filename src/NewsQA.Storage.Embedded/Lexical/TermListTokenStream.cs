using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// Terms analysed already (by the one analysis chain, <see cref="NewsQA.Core.Search.Analysis.LuceneTermAnalyzer"/>) fed to
/// Lucene as they are: the index never analyses text itself, so it and Qdrant's sparse vectors hold the same terms.
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> terms;
    private readonly ICharTermAttribute termAttribute;
    private int next;

    public TermListTokenStream(IReadOnlyList<string> terms)
    {
        this.terms = terms;
        termAttribute = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (next >= terms.Count)
        {
            return false;
        }

        ClearAttributes();
        termAttribute.SetEmpty().Append(terms[next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }
}
