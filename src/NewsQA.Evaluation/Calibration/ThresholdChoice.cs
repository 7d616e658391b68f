namespace NewsQA.Evaluation.Calibration;

/// <summary>
/// What a threshold is chosen for. A confidently cited wrong answer misleads a reader, an honest "no answer" does
/// not, so a false answer costs <see cref="FalseAnswerCost"/> missed ones: the threshold maximises
/// <c>answerContains − cost × falseAnswers</c>. With <see cref="MaxFalseAnswers"/> it is instead the threshold with the
/// most answers containing the answer among those whose false-answer rate stays within that bound.
/// Ties go to the higher threshold (fewer, surer answers).
/// </summary>
public sealed record CalibrationGoal(double FalseAnswerCost = 3, double? MaxFalseAnswers = null)
{
    public string Describe() => MaxFalseAnswers is { } max
        ? $"most answers with at most {max:P0} false answers"
        : $"answerContains − {FalseAnswerCost:0.##} × false answers";
}

public static class ThresholdChoice
{
    /// <summary>The best row for <paramref name="goal"/>; null when no threshold meets <see cref="CalibrationGoal.MaxFalseAnswers"/>.</summary>
    public static ThresholdRow? Choose(IReadOnlyList<ThresholdRow> rows, CalibrationGoal goal)
    {
        ThresholdRow? best = null;
        double bestValue = double.NegativeInfinity;
        foreach (var row in rows.OrderBy(r => r.Threshold))
        {
            double value;
            if (goal.MaxFalseAnswers is { } max)
            {
                if (row.FalseAnswers > max + 1e-9)
                {
                    continue;
                }

                value = row.AnswerContains;
            }
            else
            {
                value = row.AnswerContains - (goal.FalseAnswerCost * row.FalseAnswers);
            }

            if (value >= bestValue - 1e-9)
            {
                (best, bestValue) = (row, Math.Max(value, bestValue));
            }
        }

        return best;
    }
}
