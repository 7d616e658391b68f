using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Answering;

public sealed class AnswerOptions
{
    public const string Section = "Answer";

    /// <summary>Passages retrieved for an answer when the request names no <c>top</c>.</summary>
    [Range(1, 50)]
    public int Passages { get; set; } = 8;

    /// <summary>
    /// Below this confidence the service answers <c>no_answer</c>. Calibrated on questions with and
    /// without answers in the corpus by scripts/calibrate.py (see README, "How answers are chosen") on the scores
    /// <see cref="ExtractiveWeights.Calibrated"/> gives; raise it for fewer, surer answers.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.30;

    /// <summary>At most this many sentences make up an extractive answer.</summary>
    [Range(1, 5)]
    public int MaxSentences { get; set; } = 2;
}
