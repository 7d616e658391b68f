
namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// How every backend scores a chunk lexically: its terms' BM25, plus <see cref="Analysis.TermGrams.Weight"/> × its grams' BM25
/// (<see cref="Analysis.TermGrams"/>), plus <see cref="DocumentWeight"/> × its whole document's BM25 over the same query terms.
/// </summary>
public static class LexicalScoring
{
    /// <summary>
    /// The document's share: a passage of an article that is about the question outranks an equally matching passage of
    /// one that mentions it in passing. Measured on XQuAD dev with 1,028 distractor articles (README, "Quality"): 0 (chunk
    /// only) MRR@10 .923 (de), 0.5 .933, 2 .936 but worse on the small sets, 100 (document only) .940 but R@1 of English
    /// and answers fall.
    /// </summary>
    public const double DocumentWeight = 0.5;
}
