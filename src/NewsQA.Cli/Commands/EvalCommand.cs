using System.CommandLine;
using System.Text.Json;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering;
using NewsQA.Core.Evaluation;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Pipeline;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Storage;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa eval --paragraphs P.jsonl --questions Q.jsonl [--top K] [--json]</c>: ingests the paragraphs into a
/// temporary data directory and scores retrieval and answers. <c>--corpus PATH</c> ingests ordinary files instead
/// (to ask questions a corpus cannot answer), and <c>--report F.jsonl</c> writes one line per question for calibration.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var paragraphs = new Option<FileInfo?>("--paragraphs") { Description = "Paragraphs JSONL (id, title, text)" };
        var corpus = new Option<string[]>("--corpus") { Description = "Instead of --paragraphs: files or folders to ingest", AllowMultipleArgumentsPerToken = true };
        var questions = new Option<FileInfo>("--questions") { Description = "Questions JSONL (id, question, answers, gold_paragraph_id)", Required = true };
        var top = new Option<int>("--top") { Description = "Cut-off for recall (default 10)", DefaultValueFactory = _ => 10 };
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (default), dense or lexical", DefaultValueFactory = _ => SearchMode.Hybrid };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N questions" };
        var report = new Option<FileInfo?>("--report") { Description = "Write per-question results (JSONL)" };
        var command = new Command("eval", "Measure retrieval and answer quality on a question set")
        {
            paragraphs, corpus, questions, top, mode, limit, report, CommonOptions.Json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var paragraphFile = parse.GetValue(paragraphs);
            var corpusPaths = parse.GetValue(corpus) ?? [];
            var questionFile = parse.GetValue(questions)!;
            var k = parse.GetValue(top);
            if ((paragraphFile is null) == (corpusPaths.Length == 0))
            {
                Console.Error.WriteLine("error: give exactly one of --paragraphs or --corpus.");
                return 2;
            }

            if (!CommonOptions.InRange("--top", k, 1, 50))
            {
                return 2;
            }

            foreach (var f in new[] { paragraphFile, questionFile }.OfType<FileInfo>().Where(f => !f.Exists))
            {
                Console.Error.WriteLine($"error: {f.FullName} not found.");
                return 2;
            }

            var json = parse.GetValue(CommonOptions.Json);
            var temp = Path.Combine(Path.GetTempPath(), "newsqa-eval-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var host = await CliHost.StartAsync(temp, ct);
                var qs = EvalRunner.ReadJsonLines<EvalQuestion>(questionFile.FullName);
                if (parse.GetValue(limit) is { } n)
                {
                    qs = qs.Take(n).ToList();
                }

                var runner = host.Get<EvalRunner>();
                if (paragraphFile is not null)
                {
                    var ps = EvalRunner.ReadJsonLines<EvalParagraph>(paragraphFile.FullName);
                    await WithProgressAsync(json, $"Ingesting {ps.Count} paragraphs", ps.Count, p => runner.IngestAsync(ps, p, ct));
                }
                else
                {
                    await IngestFilesAsync(host.Get<IngestPipeline>(), corpusPaths, ct);
                }

                IReadOnlyList<EvalOutcome> outcomes = [];
                await WithProgressAsync(json, $"Asking {qs.Count} questions", qs.Count, async p => outcomes = await runner.RunAsync(qs, k, parse.GetValue(mode), p, ct));
                var metrics = EvalRunner.Summarize(outcomes);
                if (parse.GetValue(report) is { } reportFile)
                {
                    await File.WriteAllLinesAsync(reportFile.FullName, outcomes.Select(o => JsonSerializer.Serialize(o, CliJson.Options).ReplaceLineEndings(string.Empty)), ct);
                }

                Print(metrics, json);
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                }
            }
        });
        return command;
    }

    private static void Print(EvalMetrics m, bool json)
    {
        var values = new Dictionary<string, object>
        {
            ["questions"] = m.Questions,
            ["recall@1"] = Math.Round(m.RecallAt1, 4),
            ["recall@5"] = Math.Round(m.RecallAt5, 4),
            ["recall@10"] = Math.Round(m.RecallAt10, 4),
            ["mrr@10"] = Math.Round(m.MrrAt10, 4),
            ["ndcg@10"] = Math.Round(m.NdcgAt10, 4),
            ["answerContains"] = Math.Round(m.AnswerContains, 4),
            ["answered"] = Math.Round(m.AnsweredShare, 4),
            ["highlightExact"] = Math.Round(m.HighlightExact, 4),
        };
        if (json)
        {
            CliJson.Print(values);
            return;
        }

        foreach (var (key, value) in values)
        {
            Console.WriteLine($"{key,-15} {value}");
        }
    }

    private static async Task IngestFilesAsync(IngestPipeline pipeline, string[] paths, CancellationToken ct)
    {
        foreach (var record in DocumentFileReader.ExpandPaths(paths).SelectMany(DocumentFileReader.Read))
        {
            if (record.Input is not null)
            {
                await pipeline.IngestAsync(record.Input, ct);
            }
        }
    }

    private static async Task WithProgressAsync(bool quiet, string description, int total, Func<IProgress<int>?, Task> work)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            await work(null);
            return;
        }

        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: Math.Max(1, total));
                await work(new Progress<int>(done => task.Value = done));
                task.Value = task.MaxValue;
            });
    }
}
