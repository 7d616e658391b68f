using NewsQA.Core.Configuration;
using NewsQA.Core.Search.Retrieval;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Answer;

public sealed class AnswerOptions : ISectionOptions
{
    public static string Section => "Answer";

    /// <summary>Passages retrieved for an answer when the request names no <c>top</c>.</summary>
    [Range(1, SearchRequest.MaxTop)]
    public int Passages { get; set; } = SearchRequest.DefaultTop;

    /// <summary>
    /// Below this confidence the service answers <c>no_answer</c>. The default was fitted for lexical retrieval on
    /// questions with and without answers (docs/quality-notes.md, the trade-off table) on the scores
    /// <see cref="Extractive.ExtractiveWeights.Calibrated"/> gives; <c>newsqa eval --calibrate</c> fits one per model into the
    /// data directory (<see cref="Calibration.AnswerThreshold"/>), and a value set here wins over it.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.40;

    /// <summary>At most this many sentences make up an extractive answer.</summary>
    [Range(1, 5)]
    public int MaxSentences { get; set; } = 2;
}
