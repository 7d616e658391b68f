using System.CommandLine;
using NewsQA.Core;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Evaluation;

namespace NewsQA.Cli.Commands;

/// <summary>
/// The questions an archive cannot answer: <c>newsqa eval … --distractors PATH… --without-gold</c> asks each question of
/// the archive without its own article (<see cref="HeldOutArticles"/>: the other articles' paragraphs and the distractors;
/// with <c>--corpus</c>, which has no articles to hold out, the distractors alone). Every answer is then a false one, so
/// a run's <c>answered</c> is its false-answer rate. <c>eval --calibrate</c> counts its false answers on the same sets.
/// </summary>
internal static class EvalWithoutGold
{
    public static readonly Option<bool> Option = new("--without-gold")
    {
        Description = "Ask each question of the other articles' paragraphs and the distractors, without its own article: every answer is a false one",
    };

    /// <summary>The documents (<see cref="Documents"/>) one part of the questions is asked of.</summary>
    public sealed record AskedSet(List<DocumentInput> Documents, IReadOnlyList<EvalQuestion> Questions);

    /// <summary>At least one set, so every mode has a run even without questions.</summary>
    public static IReadOnlyList<AskedSet> Sets(IReadOnlyList<EvalParagraph>? paragraphs, List<DocumentInput> distractors, IReadOnlyList<EvalQuestion> questions)
    {
        var folds = paragraphs is null ? [] : HeldOutArticles.Split(paragraphs, questions);
        return folds.Count == 0
            ? [new AskedSet(distractors, questions)]
            : [.. folds.Select(f => new AskedSet([.. EvalRunner.AsDocuments(f.Paragraphs), .. distractors], f.Questions))];
    }

    /// <summary>Each set on its own ingest; a mode's outcomes and seconds add up over the sets (no baseline: it has no answers).</summary>
    public static async Task<EvalCommand.Evaluation> EvaluateAsync(IReadOnlyList<AskedSet> sets, int k, SearchMode[] modes, string? vectorCache, bool json, CancellationToken ct)
    {
        var parts = new List<EvalCommand.Evaluation>();
        foreach (var set in sets)
        {
            parts.Add(await EvalCommand.EvaluateAsync(set.Documents, set.Questions, k, modes, vectorCache, json, baseline: false, ct));
        }

        var runs = Enumerable.Range(0, modes.Length)
            .Select(i => new EvalCommand.EvalRun(
                parts[0].Runs[i].System, parts[0].Runs[i].Mode,
                [.. parts.SelectMany(p => p.Runs[i].Outcomes)], parts.Sum(p => p.Runs[i].Seconds)))
            .ToList();
        return new EvalCommand.Evaluation(parts.Sum(p => p.IngestSeconds), parts[0].Model, runs);
    }
}
