
namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// How every backend scores a chunk lexically: its terms' BM25, plus <see cref="Analysis.TermGrams.Weight"/> × its grams' BM25
/// (<see cref="Analysis.TermGrams"/>), plus <see cref="DocumentWeight"/> × its whole document's BM25 over the same query terms.
/// </summary>
public static class LexicalScoring
{
    /// <summary>
    /// The document's share: a passage of an article that is about the question outranks an equally matching passage of
    /// one that mentions it in passing. Larger shares ranked the archive-scale sets better but the small sets, English
    /// first places and answers worse (the shares tried: docs/quality-levers.md, LexicalScoring.DocumentWeight).
    /// </summary>
    public const double DocumentWeight = 0.5;
}
