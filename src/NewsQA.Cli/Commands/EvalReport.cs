using System.Text.Json;
using NewsQA.Cli.Output;
using NewsQA.Core;
using NewsQA.Core.Ingest.Input;
using NewsQA.Evaluation;

namespace NewsQA.Cli.Commands;

/// <summary>
/// What <c>newsqa eval</c> prints: the metrics of each run over all questions and, when the questions came from more
/// than one set, per set as well (copied-wording and reader-worded questions are reported apart, issue 32), with each
/// set's <see cref="QuestionWording"/> overlap; and the per-question report lines of <c>--report</c>.
/// </summary>
internal static class EvalReport
{
    /// <summary>One line per question and NewsQA run (the baseline has no answers to calibrate on), flat, with its mode and set.</summary>
    public static IEnumerable<string> Lines(EvalCommand.Evaluation evaluation, IReadOnlyList<EvalQuestion> questions)
    {
        var setOf = SetsById(questions);
        return evaluation.Runs.Where(r => r.System == EvalSystem.NewsQa).SelectMany(r => r.Outcomes.Select(o =>
        {
            var line = JsonSerializer.SerializeToNode(o, CliJson.Options)!.AsObject();
            if (!r.Answered)
            {
                // A --retrieval-only run asked for no answer: its lines say where the gold ranked, nothing about answers.
                foreach (var key in line.Select(kv => kv.Key).Where(key => key is not ("id" or "goldRank")).ToList())
                {
                    line.Remove(key);
                }
            }

            line["mode"] = r.Mode.ToWireName();
            line["set"] = setOf.GetValueOrDefault(o.Id);
            return line.ToJsonString();
        }));
    }

    public static void Print(IReadOnlyList<EvalQuestion> questions, IReadOnlyList<DocumentInput> documents, EvalCommand.Evaluation evaluation, bool withoutGold, bool json)
    {
        var (ingestSeconds, model, runs) = evaluation;
        var sets = Sets(questions, documents);
        var setOf = SetsById(questions);
        if (json)
        {
            CliJson.Print(new Dictionary<string, object?>
            {
                ["questions"] = questions.Count,
                ["documents"] = documents.Count,
                ["model"] = model,
                ["withoutGold"] = withoutGold,
                ["ingestSeconds"] = Math.Round(ingestSeconds, 1),
                ["questionSets"] = sets.Select(s => new Dictionary<string, object?> { ["name"] = s.Name, ["questions"] = s.Questions, ["wordingOverlap"] = s.Overlap is { } o ? Math.Round(o, 4) : null }).ToList(),
                ["runs"] = runs.Select(r => Values(r, r.Outcomes, sets.Count > 1 ? setOf : null)).ToList(),
            });
            return;
        }

        Console.WriteLine($"{questions.Count} questions, {documents.Count} documents (ingest {ingestSeconds:0.0} s), model {model ?? "none"}");
        foreach (var s in sets)
        {
            Console.WriteLine($"  set {s.Name}: {s.Questions} questions, wording overlap with the gold {(s.Overlap is { } o ? o.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "-")}");
        }

        if (withoutGold)
        {
            Console.WriteLine("asked without their own article: every answer is a false one, so 'answered' is the false-answer rate");
        }

        Console.WriteLine($"{"system",-8} {"mode",-8} {"set",-16} {"R@1",6} {"R@5",6} {"R@10",6} {"MRR@10",7} {"nDCG@10",8} {"answerContains",15} {"answered",9} {"seconds",8}");
        foreach (var run in runs)
        {
            var parts = sets.Count > 1 ? sets.Select(s => (s.Name, run.Outcomes.Where(o => setOf.GetValueOrDefault(o.Id) == s.Name).ToList())).Prepend(("all", [.. run.Outcomes])) : [("all", [.. run.Outcomes])];
            foreach (var (name, outcomes) in parts)
            {
                var m = EvalRunner.Summarize(outcomes);
                var answers = !run.Answered ? $"{"-",15} {"-",9}" : $"{m.AnswerContains,15:0.000} {m.AnsweredShare,9:0.000}";
                Console.WriteLine($"{run.System.ToWireName(),-8} {run.Mode.ToWireName(),-8} {name,-16} {m.RecallAt1,6:0.000} {m.RecallAt5,6:0.000} {m.RecallAt10,6:0.000} {m.MrrAt10,7:0.000} {m.NdcgAt10,8:0.000} {answers} {run.Seconds,8:0.0}");
            }
        }
    }

    private sealed record SetSummary(string Name, int Questions, double? Overlap);

    private static List<SetSummary> Sets(IReadOnlyList<EvalQuestion> questions, IReadOnlyList<DocumentInput> documents)
    {
        var textById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in documents.Where(d => d.Id is not null))
        {
            textById.TryAdd(d.Id!, d.Text);
        }

        return [.. questions.GroupBy(q => q.Set ?? "questions").Select(g => new SetSummary(g.Key, g.Count(), QuestionWording.MeanOverlap(g, textById)))];
    }

    private static Dictionary<string, string> SetsById(IReadOnlyList<EvalQuestion> questions)
    {
        var setOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            setOf.TryAdd(q.Id, q.Set ?? "questions");
        }

        return setOf;
    }

    private static Dictionary<string, object?> Values(EvalCommand.EvalRun run, IReadOnlyList<EvalOutcome> outcomes, Dictionary<string, string>? setOf)
    {
        var m = EvalRunner.Summarize(outcomes);
        var baseline = !run.Answered;
        var values = new Dictionary<string, object?>
        {
            ["system"] = run.System.ToWireName(),
            ["mode"] = run.Mode.ToWireName(),
            ["recall@1"] = Math.Round(m.RecallAt1, 4),
            ["recall@5"] = Math.Round(m.RecallAt5, 4),
            ["recall@10"] = Math.Round(m.RecallAt10, 4),
            ["mrr@10"] = Math.Round(m.MrrAt10, 4),
            ["ndcg@10"] = Math.Round(m.NdcgAt10, 4),
            // The baseline retrieves only, and so does a --retrieval-only run: no answers to score.
            ["answerContains"] = baseline ? null : Math.Round(m.AnswerContains, 4),
            ["answered"] = baseline ? null : Math.Round(m.AnsweredShare, 4),
            ["highlightExact"] = baseline ? null : Math.Round(m.HighlightExact, 4),
            ["highlighted"] = baseline ? null : Math.Round(m.Highlighted, 4),
            ["seconds"] = Math.Round(run.Seconds, 1),
        };
        if (setOf is not null)
        {
            // The same figures per question set, so one ingest reports both kinds of question.
            values["sets"] = outcomes.GroupBy(o => setOf.GetValueOrDefault(o.Id) ?? "questions")
                .ToDictionary(g => g.Key, g => (object?)Values(run, [.. g], null).Where(kv => kv.Key is not ("system" or "mode" or "seconds")).ToDictionary(kv => kv.Key, kv => kv.Value));
        }

        return values;
    }
}
