using NewsQA.Core.Answer;

namespace NewsQA.Evaluation.Calibration;

/// <summary>What answering would give at one <c>Answer:MinConfidence</c>.</summary>
/// <param name="Threshold">The <c>Answer:MinConfidence</c> of this row.</param>
/// <param name="AnswerContains">Share of answerable questions answered with a quote holding the expected answer.</param>
/// <param name="Answered">Share of answerable questions answered at all.</param>
/// <param name="HighlightExact">Share of answerable questions whose highlight is exactly a gold answer span.</param>
/// <param name="FalseAnswers">Share of unanswerable questions answered anyway: every such answer is a false one.</param>
public sealed record ThresholdRow(double Threshold, double AnswerContains, double Answered, double HighlightExact, double FalseAnswers);

/// <summary>
/// The trade-off between answering and refusing, from two eval runs made with <c>Answer:MinConfidence</c> 0 (so each
/// question reports its best confidence): the questions asked of an archive that holds their answers, and the same
/// questions asked of one that does not. A question counts as answered at threshold t when it was answered with
/// confidence ≥ t; one refused for another reason (a false premise, no passage) stays refused at every t.
/// </summary>
public static class ThresholdTable
{
    public static IReadOnlyList<ThresholdRow> Build(IReadOnlyList<EvalOutcome> answerable, IReadOnlyList<EvalOutcome> unanswerable, double step = 0.01)
    {
        if (answerable.Count == 0 || unanswerable.Count == 0)
        {
            throw new ArgumentException("Calibration needs answerable and unanswerable questions.");
        }

        var rows = new List<ThresholdRow>();
        var steps = (int)Math.Round(1 / step);
        for (var i = 0; i <= steps; i++)
        {
            var t = Math.Round(i * step, 4);
            rows.Add(new ThresholdRow(
                t,
                Share(answerable, t, o => o.AnswerContains),
                Share(answerable, t, _ => true),
                Share(answerable, t, o => o.HighlightExact),
                Share(unanswerable, t, _ => true)));
        }

        return rows;
    }

    private static double Share(IReadOnlyList<EvalOutcome> outcomes, double threshold, Func<EvalOutcome, bool> counts) =>
        outcomes.Count(o => o.Status == AnswerStatus.Answered && o.Confidence >= threshold - 1e-9 && counts(o)) / (double)outcomes.Count;
}
