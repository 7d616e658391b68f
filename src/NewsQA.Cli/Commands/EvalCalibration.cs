using System.CommandLine;
using NewsQA.Cli.Output;
using NewsQA.Core;
using NewsQA.Core.Answer;
using NewsQA.Core.Calibration;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Evaluation;
using NewsQA.Evaluation.Calibration;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa eval … --distractors PATH… --calibrate</c>: fits the fusion weights (with a model and hybrid among the modes:
/// <see cref="FusionWeightFit"/>, objective MRR@10) and then <c>Answer:MinConfidence</c> for the model in use. The
/// questions are asked twice with <c>Answer:MinConfidence</c> 0, so each reports its best confidence: of the paragraphs
/// with the distractors (answerable) and without their own article (unanswerable, <see cref="EvalWithoutGold"/>: every
/// answer there is a false one).
/// Prints the trade-off table, chooses by <see cref="CalibrationGoal"/> and stores the threshold in the data directory's
/// <see cref="CalibrationFile"/> under the model's id (the weights beside it), where the service picks both up.
/// </summary>
internal static class EvalCalibration
{
    public static readonly Option<bool> Calibrate = new("--calibrate")
    {
        Description = "Fit Answer:MinConfidence for the model in use on the questions with and without their own article (needs --distractors) and store it in the data directory's calibration.json",
    };

    public static readonly Option<double> FalseAnswerCost = new("--false-answer-cost")
    {
        Description = "With --calibrate: how many missed answers one false answer costs (default 3)",
        DefaultValueFactory = _ => 3,
    };

    public static readonly Option<double?> MaxFalseAnswers = new("--max-false-answers")
    {
        Description = "With --calibrate: instead, the threshold with the most answers whose false-answer rate stays within this share (0..1)",
    };

    private static readonly Dictionary<string, string?> AskEverything = new() { [$"{AnswerOptions.Section}:{nameof(AnswerOptions.MinConfidence)}"] = "0" };

    /// <summary>Reads and checks the goal options; null (after printing why) when they are out of range.</summary>
    public static CalibrationGoal? Goal(ParseResult parse)
    {
        var cost = parse.GetValue(FalseAnswerCost);
        var max = parse.GetValue(MaxFalseAnswers);
        if (cost < 0 || max is < 0 or > 1)
        {
            Console.Error.WriteLine("error: --false-answer-cost must be ≥ 0 and --max-false-answers between 0 and 1.");
            return null;
        }

        return new CalibrationGoal(cost, max);
    }

    public static async Task<int> RunAsync(
        List<DocumentInput> answerableDocuments, IReadOnlyList<EvalWithoutGold.AskedSet> withoutGold, IReadOnlyList<EvalQuestion> questions, int top,
        SearchMode[] modes, CalibrationGoal goal, string dataDirectory, string? vectorCache, bool json, CancellationToken ct)
    {
        // The weights are fitted first, on the answerable set, so the thresholds are fitted on the answers the service will give with them.
        var answerable = await AskAsync(answerableDocuments, questions, top, modes, vectorCache, json, "with their paragraphs", fit: null, ct);
        var unanswerableParts = new List<AskedRuns>();
        foreach (var set in withoutGold)
        {
            unanswerableParts.Add(await AskAsync(set.Documents, set.Questions, top, modes, vectorCache, json, "without their own article", answerable.Fusion, ct));
        }

        IReadOnlyList<EvalOutcome> Unanswerable(SearchMode mode) => [.. unanswerableParts.SelectMany(p => p.Runs[mode].Outcomes)];
        var results = new List<Dictionary<string, object?>>();
        if (answerable.Fusion is { } fusion && !json)
        {
            PrintFusion(answerable.Model!, fusion);
        }
        else if (answerable.Model is { } unfitted && modes.Contains(SearchMode.Hybrid) && !json)
        {
            Console.WriteLine($"fusion weights for {unfitted}: not fitted, the model's languages cover none of the questions (they search lexically: Retrieval:OtherLanguageDenseWeight)");
        }

        foreach (var (mode, run) in answerable.Runs)
        {
            var rows = ThresholdTable.Build(run.Outcomes, Unanswerable(mode));
            var key = CalibrationFile.KeyFor(run.Used == SearchMode.Lexical ? null : answerable.Model);
            if (ThresholdChoice.Choose(rows, goal) is not { } chosen)
            {
                Console.Error.WriteLine($"error: no threshold keeps false answers within {goal.MaxFalseAnswers:P0} for {key}; nothing stored.");
                return 1;
            }

            // Dense-only asks never happen in the service (ask runs hybrid, lexical without a model): only what it uses is stored.
            var stored = run.Used != SearchMode.Dense;
            var fitted = run.Used == SearchMode.Hybrid ? answerable.Fusion : null;
            if (stored)
            {
                // Weights fitted on another question set for this model stay when this set fitted none (questions in a language it does not know).
                var previous = CalibrationFile.Read(dataDirectory).GetValueOrDefault(key);
                CalibrationFile.Write(dataDirectory, key, new CalibrationEntry(
                    chosen.Threshold, run.Used.ToWireName(), goal.Describe(), questions.Count, questions.Count,
                    Math.Round(chosen.AnswerContains, 4), Math.Round(chosen.Answered, 4), Math.Round(chosen.FalseAnswers, 4), DateTimeOffset.UtcNow)
                {
                    DenseWeight = fitted?.Chosen.Weights.Dense ?? previous?.DenseWeight,
                    LexicalWeight = fitted?.Chosen.Weights.Lexical ?? previous?.LexicalWeight,
                    FusionMrrAt10 = fitted is null ? previous?.FusionMrrAt10 : Math.Round(fitted.Chosen.MrrAt10, 4),
                    PlainRrfMrrAt10 = fitted is null ? previous?.PlainRrfMrrAt10 : Math.Round(fitted.PlainRrf.MrrAt10, 4),
                });
            }

            results.Add(new Dictionary<string, object?>
            {
                ["key"] = key,
                ["mode"] = run.Used.ToWireName(),
                ["goal"] = goal.Describe(),
                ["minConfidence"] = chosen.Threshold,
                ["stored"] = stored,
                ["fusion"] = fitted is null ? null : FusionJson(fitted),
                ["rows"] = rows.Select(r => new { threshold = r.Threshold, answerContains = Math.Round(r.AnswerContains, 4), answered = Math.Round(r.Answered, 4), highlightExact = Math.Round(r.HighlightExact, 4), falseAnswers = Math.Round(r.FalseAnswers, 4) }).ToList(),
            });
            if (!json)
            {
                Print(key, run.Used, questions.Count, goal, rows, chosen, stored ? CalibrationFile.PathIn(dataDirectory) : null);
            }
        }

        if (json)
        {
            CliJson.Print(new Dictionary<string, object?> { ["questions"] = questions.Count, ["model"] = answerable.Model, ["calibrations"] = results });
        }

        return 0;
    }

    private static Dictionary<string, object?> FusionJson(FusionFit fit)
    {
        static object Row(FusionWeightRow r) => new { denseWeight = r.Weights.Dense, lexicalWeight = r.Weights.Lexical, recallAt1 = Math.Round(r.RecallAt1, 4), recallAt5 = Math.Round(r.RecallAt5, 4), mrrAt10 = Math.Round(r.MrrAt10, 4) };
        return new Dictionary<string, object?>
        {
            ["objective"] = "mrr@10",
            ["questions"] = fit.Questions,
            ["chosen"] = Row(fit.Chosen),
            ["plainRrf"] = Row(fit.PlainRrf),
            ["lexicalOnly"] = Row(fit.LexicalOnly),
            ["heldOutMrrAt10"] = Math.Round(fit.HeldOutMrrAt10, 4),
            ["kinds"] = fit.Kinds.Select(k => new { kind = k.Kind, questions = k.Questions, chosenMrrAt10 = Math.Round(k.ChosenMrrAt10, 4), lexicalOnlyMrrAt10 = Math.Round(k.LexicalOnlyMrrAt10, 4), plainMrrAt10 = Math.Round(k.PlainMrrAt10, 4), heldOutMrrAt10 = Math.Round(k.HeldOutMrrAt10, 4) }).ToList(),
            ["rows"] = fit.Rows.Select(Row).ToList(),
        };
    }

    private static void PrintFusion(string model, FusionFit fit)
    {
        Console.WriteLine($"fusion weights for {model}: grid over {fit.Rows.Count} pairs, objective MRR@10 of the gold document, {fit.Questions} questions");
        Console.WriteLine($"  {"dense",7} {"lexical",8} {"R@1",6} {"R@5",6} {"MRR@10",7}");
        var shown = fit.Rows.OrderByDescending(r => r.MrrAt10).Take(8).Append(fit.PlainRrf).Append(fit.LexicalOnly).Distinct();
        foreach (var r in shown)
        {
            var note = r == fit.Chosen ? "  chosen" : r == fit.PlainRrf ? "  plain RRF" : r == fit.LexicalOnly ? "  lexical only" : "";
            Console.WriteLine($"{(r == fit.Chosen ? "* " : "  ")}{r.Weights.Dense,7:0.###} {r.Weights.Lexical,8:0.###} {r.RecallAt1,6:0.000} {r.RecallAt5,6:0.000} {r.MrrAt10,7:0.000}{note}");
        }

        Console.WriteLine($"  two-fold check (pair fitted on one half, scored on the other): MRR@10 {fit.HeldOutMrrAt10:0.000} against plain RRF {fit.HeldOutPlainMrrAt10:0.000} and lexical alone {fit.LexicalOnly.MrrAt10:0.000}");
        foreach (var k in fit.Kinds)
        {
            Console.WriteLine($"  {k.Kind}: {k.Questions} questions, MRR@10 chosen {k.ChosenMrrAt10:0.000}, lexical alone {k.LexicalOnlyMrrAt10:0.000}, plain {k.PlainMrrAt10:0.000}, held out {k.HeldOutMrrAt10:0.000}");
        }

        if (fit.Chosen == fit.LexicalOnly)
        {
            Console.WriteLine("  dense left out of the ranking: lexical alone beats the weights fitted on one half, scored on the other, on every kind of question (answers still weigh the model's meaning)");
        }
    }

    private static void Print(string key, SearchMode mode, int questions, CalibrationGoal goal, IReadOnlyList<ThresholdRow> rows, ThresholdRow chosen, string? storedIn)
    {
        Console.WriteLine($"calibration for {key} ({mode.ToWireName()}): {questions} questions answerable and unanswerable; goal: {goal.Describe()}");
        Console.WriteLine($"  {"threshold",9} {"answerContains",15} {"answered",9} {"highlightExact",15} {"falseAnswers",13}");
        foreach (var r in rows.Where(r => Math.Round(r.Threshold * 100) % 5 == 0 || r == chosen))
        {
            Console.WriteLine($"{(r == chosen ? "* " : "  ")}{r.Threshold,9:0.00} {r.AnswerContains,15:0.000} {r.Answered,9:0.000} {r.HighlightExact,15:0.000} {r.FalseAnswers,13:0.000}");
        }

        Console.WriteLine(storedIn is null
            ? $"chosen Answer:MinConfidence = {chosen.Threshold:0.00} (dense runs are shown, not stored: the service asks in hybrid mode)"
            : $"chosen Answer:MinConfidence = {chosen.Threshold:0.00}, stored for '{key}' in {storedIn}");
    }

    private sealed record ModeRun(SearchMode Used, IReadOnlyList<EvalOutcome> Outcomes);

    private sealed record AskedRuns(Dictionary<SearchMode, ModeRun> Runs, string? Model, FusionFit? Fusion);

    /// <summary>
    /// Ingests <paramref name="documents"/> into a temporary data directory and asks every question in each mode, refusing
    /// nothing for lack of confidence; hybrid asks with the weights of <paramref name="fit"/>, or, when none is given and
    /// hybrid runs, with the pair it fits here first.
    /// </summary>
    private static Task<AskedRuns> AskAsync(List<DocumentInput> documents, IReadOnlyList<EvalQuestion> questions, int top, SearchMode[] modes, string? vectorCache, bool json, string what, FusionFit? fit, CancellationToken ct) =>
        EvalCommand.InTempDataAsync(async temp =>
        {
            await using var host = await CliHost.StartAsync(temp, ct, overrides: AskEverything, vectorCache: vectorCache);
            var runner = host.Get<EvalRunner>();
            await EvalCommand.WithProgressAsync(json, $"Ingesting {documents.Count} documents", documents.Count, p => runner.IngestAsync(documents, p, ct));
            if (fit is null && modes.Contains(SearchMode.Hybrid))
            {
                await EvalCommand.WithProgressAsync(json, $"Fitting fusion weights on {questions.Count} questions", questions.Count, async p => fit = await runner.FitFusionAsync(questions, top, p, ct));
            }

            var runs = new Dictionary<SearchMode, ModeRun>();
            foreach (var mode in modes)
            {
                IReadOnlyList<EvalOutcome> outcomes = [];
                var weights = mode == SearchMode.Hybrid ? fit?.Chosen.Weights : null;
                await EvalCommand.WithProgressAsync(json, $"Asking {questions.Count} questions {what} ({mode.ToWireName()})", questions.Count, async p => outcomes = await runner.RunAsync(questions, top, mode, p, ct, weights));
                runs[mode] = new ModeRun(EvalCommand.UsedMode(mode, host), outcomes);
            }

            EvalCommand.ReportCache(host);
            return new AskedRuns(runs, host.Embedder?.Profile.ModelId, fit);
        });
}
