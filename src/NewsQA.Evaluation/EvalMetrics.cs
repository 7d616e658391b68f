namespace NewsQA.Evaluation;

/// <summary>
/// Retrieval and answer metrics over a question set. A question has one gold document; ranks are
/// of distinct documents in result order, from 1.
/// </summary>
public sealed record EvalMetrics(int Questions, double RecallAt1, double RecallAt5, double RecallAt10, double MrrAt10, double NdcgAt10, double AnswerContains, double AnsweredShare)
{
    /// <summary>Share of questions whose answer's highlight is exactly a gold answer span (0 when not computed).</summary>
    public double HighlightExact { get; init; }

    /// <summary>Share of questions whose answer marks a highlight at all; <see cref="HighlightExact"/> ÷ this is the highlight's precision.</summary>
    public double Highlighted { get; init; }

    /// <param name="goldRanks">Per question, the 1-based rank of the gold document among distinct result documents, or null if absent.</param>
    /// <param name="answerHits">Per question, whether the answer text or a cited quote contains an expected answer.</param>
    /// <param name="answered">Per question, whether the service answered (not no_answer).</param>
    public static EvalMetrics Compute(IReadOnlyList<int?> goldRanks, IReadOnlyList<bool> answerHits, IReadOnlyList<bool> answered)
    {
        var n = goldRanks.Count;
        if (n == 0)
        {
            return new EvalMetrics(0, 0, 0, 0, 0, 0, 0, 0);
        }

        double Recall(int k) => goldRanks.Count(r => r <= k) / (double)n;
        var mrr = goldRanks.Sum(r => r is <= 10 ? 1.0 / r.Value : 0) / n;

        // One relevant document: ideal DCG is 1, so nDCG = 1 / log2(rank + 1).
        var ndcg = goldRanks.Sum(r => r is <= 10 ? 1.0 / Math.Log2(r.Value + 1) : 0) / n;
        return new EvalMetrics(
            n,
            Recall(1),
            Recall(5),
            Recall(10),
            mrr,
            ndcg,
            answerHits.Count(h => h) / (double)n,
            answered.Count(a => a) / (double)n);
    }

    /// <summary>1-based rank of <paramref name="gold"/> among the distinct ids of <paramref name="resultDocumentIds"/>.</summary>
    public static int? RankOf(string gold, IEnumerable<string> resultDocumentIds)
    {
        var rank = 0;
        foreach (var id in resultDocumentIds.Distinct(StringComparer.Ordinal))
        {
            rank++;
            if (id == gold)
            {
                return rank;
            }
        }

        return null;
    }

    /// <summary>Does any text contain any expected answer, ignoring case and surrounding space?</summary>
    public static bool ContainsAnswer(IEnumerable<string> texts, IEnumerable<string> answers)
    {
        var list = texts.ToList();
        return answers.Any(a => !string.IsNullOrWhiteSpace(a) && list.Any(t => t.Contains(a.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}
