using NewsQA.Core.Search.Fusion;

namespace NewsQA.Evaluation.Calibration;

/// <summary>One weight pair of the grid and what hybrid retrieval gives with it on the labelled set.</summary>
public sealed record FusionWeightRow(RrfWeights Weights, double RecallAt1, double RecallAt5, double MrrAt10);

/// <summary>
/// The fitted pair and the figures a reader needs to trust it: plain RRF's MRR@10 beside it, and a two-fold check
/// (pair fitted on one half of the questions, MRR@10 measured on the other, both ways) so a gain that is only the
/// grid fitting noise shows as none.
/// </summary>
public sealed record FusionFit(FusionWeightRow Chosen, FusionWeightRow PlainRrf, FusionWeightRow LexicalOnly, IReadOnlyList<FusionWeightRow> Rows, int Questions, double HeldOutMrrAt10, double HeldOutPlainMrrAt10)
{
    /// <summary>Per kind of question (question set) in the fit: MRR@10 of the chosen pair, lexical alone, plain (1, 1), and the two-fold held-out one.</summary>
    public IReadOnlyList<FusionKindFit> Kinds { get; init; } = [];
}

/// <summary>One kind of question's figures in a <see cref="FusionFit"/>.</summary>
public sealed record FusionKindFit(string Kind, int Questions, double ChosenMrrAt10, double LexicalOnlyMrrAt10, double PlainMrrAt10, double HeldOutMrrAt10);

/// <summary>
/// Fits the weight pair for a model by grid search over the labelled questions, objective MRR@10 of the gold
/// document averaged over the kinds of question the set mixes (each question set counts the same, so XQuAD's copied
/// wording cannot outvote a reader's own words by number, issue 32). MRR@10 is what "fusion never hurts" is judged by,
/// and it costs no answering per pair: the two rankings of each question are fetched once and fused in memory for
/// every pair. Ties go to the pair nearest (1, 1). Dense weight 0 (lexical only) is chosen only when lexical alone
/// beats the fitted pair on every kind of question, held out (the pair fitted on one half of the questions, scored on
/// the other): fitted on copied-wording questions alone, both English models once got dense 0, switching meaning off
/// exactly where readers need it, while a pair that only fits noise still loses to lexical alone on questions it did not
/// see (docs/quality-levers.md, FusionWeightFit).
/// </summary>
public static class FusionWeightFit
{
    /// <summary>Each weight's grid, both lists; spaced about evenly in log scale over the range that changes rankings at k 60.</summary>
    public static IReadOnlyList<double> GridValues { get; } = [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 20, 100];

    /// <summary>Every pair of <see cref="GridValues"/>, plain RRF first, then dense 0 (lexical only).</summary>
    public static IReadOnlyList<RrfWeights> Pairs { get; } =
        [new(1, 1), new(0, 1), .. GridValues.SelectMany(d => GridValues.Select(l => new RrfWeights(d, l))).Where(p => p != new RrfWeights(1, 1))];

    /// <param name="goldRanks">Per pair of <see cref="Pairs"/> (same order), per question the gold document's rank (null beyond 10).</param>
    /// <param name="kinds">Per question its kind (question set); null: all one kind.</param>
    public static FusionFit Choose(IReadOnlyList<IReadOnlyList<int?>> goldRanks, IReadOnlyList<string>? kinds = null)
    {
        var questions = goldRanks[0].Count;
        var all = Enumerable.Range(0, questions).ToList();
        var kindOf = kinds ?? Enumerable.Repeat("questions", questions).ToList();
        var byKind = all.GroupBy(q => kindOf[q]).Select(g => (Kind: g.Key, Questions: g.ToList())).ToList();
        var rows = Pairs.Select((p, i) => Row(p, goldRanks[i], all)).ToList();

        // Two-fold: the pair chosen on the even questions scored on the odd ones, and the other way round.
        var even = all.Where(q => q % 2 == 0).ToList();
        var odd = all.Where(q => q % 2 == 1).ToList();
        var (bestEven, bestOdd) = (Best(goldRanks, even, kindOf), Best(goldRanks, odd, kindOf));
        double HeldOut(IEnumerable<int> subset)
        {
            var list = subset.ToList();
            return list.Count == 0 ? 0 : list.Sum(q => Reciprocal(goldRanks[q % 2 == 0 ? bestOdd : bestEven][q])) / list.Count;
        }

        var lexicalOnly = rows[1];
        var fitted = Best(goldRanks, all, kindOf);
        var kindFits = byKind.Select(k => new FusionKindFit(
            k.Kind, k.Questions.Count, Mrr(goldRanks[fitted], k.Questions), Mrr(goldRanks[1], k.Questions), Mrr(goldRanks[0], k.Questions), HeldOut(k.Questions))).ToList();
        var lexicalWinsEverywhere = kindFits.All(k => k.LexicalOnlyMrrAt10 > k.HeldOutMrrAt10 + 1e-9);
        var chosen = lexicalWinsEverywhere ? lexicalOnly : rows[fitted];
        if (lexicalWinsEverywhere)
        {
            kindFits = [.. kindFits.Select(k => k with { ChosenMrrAt10 = k.LexicalOnlyMrrAt10 })];
        }

        return new FusionFit(chosen, rows[0], lexicalOnly, rows, questions, HeldOut(all), rows[0].MrrAt10) { Kinds = kindFits };
    }

    /// <summary>The pair (dense weight above 0) with the best MRR@10 averaged over the kinds among <paramref name="questions"/>.</summary>
    private static int Best(IReadOnlyList<IReadOnlyList<int?>> goldRanks, List<int> questions, IReadOnlyList<string> kindOf)
    {
        var kinds = questions.GroupBy(q => kindOf[q]).Select(g => g.ToList()).ToList();
        double Objective(int pair) => kinds.Average(k => Mrr(goldRanks[pair], k));
        var best = 0;
        var bestMrr = Objective(0);
        for (var i = 2; i < goldRanks.Count; i++)
        {
            var mrr = Objective(i);
            if (mrr > bestMrr + 1e-9 || (Math.Abs(mrr - bestMrr) <= 1e-9 && Distance(Pairs[i]) < Distance(Pairs[best])))
            {
                (best, bestMrr) = (i, mrr);
            }
        }

        return best;
    }

    /// <summary>How far a pair is from plain RRF, in log scale; lexical only counts as far.</summary>
    private static double Distance(RrfWeights p) => p.Dense <= 0 ? 10 : Math.Abs(Math.Log(p.Dense)) + Math.Abs(Math.Log(p.Lexical));

    private static double Mrr(IReadOnlyList<int?> ranks, List<int> questions) => Metrics(ranks, questions).MrrAt10;

    private static double Reciprocal(int? rank) => rank is <= 10 ? 1.0 / rank.Value : 0;

    private static FusionWeightRow Row(RrfWeights pair, IReadOnlyList<int?> ranks, List<int> questions)
    {
        var m = Metrics(ranks, questions);
        return new(pair, m.RecallAt1, m.RecallAt5, m.MrrAt10);
    }

    /// <summary>Retrieval metrics of the questions' ranks (EvalMetrics is the one home of MRR@10); no answers are scored here.</summary>
    private static EvalMetrics Metrics(IReadOnlyList<int?> ranks, List<int> questions)
    {
        var none = new bool[questions.Count];
        return EvalMetrics.Compute(questions.Select(q => ranks[q]).ToList(), none, none);
    }
}
