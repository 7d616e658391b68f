using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NewsQA.Cli.Output;
using NewsQA.Core;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Evaluation;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa eval --paragraphs P.jsonl --questions Q.jsonl [--distractors PATH…] [--mode M…] [--top K] [--json]</c>:
/// ingests the paragraphs (and distractors: documents that are no question's gold, an archive around them) into a
/// temporary data directory once, then scores retrieval and answers per mode, and the plain BM25 baseline
/// (<see cref="Bm25Baseline"/>) over the same documents beside them. <c>--corpus PATH</c> ingests ordinary files instead
/// of paragraphs; <c>--without-gold</c> asks each question without its own article (<see cref="EvalWithoutGold"/>: every
/// answer is a false one); <c>--report F.jsonl</c> writes one line per question and run;
/// <c>--calibrate</c> fits <c>Answer:MinConfidence</c> instead (<see cref="EvalCalibration"/>); <c>--vector-cache DIR</c> keeps
/// the model's vectors between runs (<see cref="EvalVectorCache"/>; the ingests of one run share a cache regardless).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var paragraphs = new Option<FileInfo?>("--paragraphs") { Description = "Paragraphs JSONL (id, title, text)" };
        var corpus = new Option<string[]>("--corpus") { Description = "Instead of --paragraphs: files or folders to ingest", AllowMultipleArgumentsPerToken = true };
        var distractors = new Option<string[]>("--distractors") { Description = "Extra documents (files or folders) that are no question's gold", AllowMultipleArgumentsPerToken = true };
        var questions = new Option<FileInfo[]>("--questions") { Description = "Questions JSONL (id, question, answers, gold_paragraph_id); several files are asked together and reported per set as well (a set is named by its folder)", Required = true, AllowMultipleArgumentsPerToken = true };
        var top = new Option<int>("--top") { Description = "Cut-off for recall (default 10)", DefaultValueFactory = _ => 10 };
        var modes = new Option<SearchMode[]>("--mode") { Description = "hybrid (default), dense, lexical; several run on one ingest", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N questions of each questions file" };
        var report = new Option<FileInfo?>("--report") { Description = "Write per-question results (JSONL)" };
        var retrievalOnly = new Option<bool>("--retrieval-only") { Description = "Score where the gold ranks only, without asking for answers (faster; the answer figures are left out)" };
        var vectorCache = VectorCacheOption;
        var command = new Command("eval", "Measure retrieval and answer quality on a question set, beside a plain BM25 baseline")
        {
            paragraphs, corpus, distractors, questions, top, modes, limit, report, retrievalOnly, vectorCache, EvalCandidates.Option, CommonOptions.Json,
            EvalCalibration.Calibrate, EvalCalibration.FalseAnswerCost, EvalCalibration.MaxFalseAnswers, EvalWithoutGold.Option,
        };
        command.SetAction(async (parse, ct) =>
        {
            var paragraphFile = parse.GetValue(paragraphs);
            var corpusPaths = parse.GetValue(corpus) ?? [];
            var distractorPaths = parse.GetValue(distractors) ?? [];
            var questionFiles = parse.GetValue(questions) ?? [];
            var k = parse.GetValue(top);
            if ((paragraphFile is null) == (corpusPaths.Length == 0))
            {
                Console.Error.WriteLine("error: give exactly one of --paragraphs or --corpus.");
                return 2;
            }

            if (!CommonOptions.InRange("--top", k, 1, SearchRequest.MaxTop))
            {
                return 2;
            }

            foreach (var f in questionFiles.Prepend(paragraphFile).OfType<FileInfo>().Where(f => !f.Exists))
            {
                Console.Error.WriteLine($"error: {f.Name} not found.");
                return 2;
            }

            foreach (var p in corpusPaths.Concat(distractorPaths).Where(p => !File.Exists(p) && !Directory.Exists(p)))
            {
                Console.Error.WriteLine($"error: {Path.GetFileName(p)} not found.");
                return 2;
            }

            var json = parse.GetValue(CommonOptions.Json);
            var runModes = parse.GetValue(modes) is { Length: > 0 } given ? given.Distinct().ToArray() : [SearchMode.Hybrid];
            var calibrate = parse.GetValue(EvalCalibration.Calibrate);
            var withoutGold = parse.GetValue(EvalWithoutGold.Option);
            if ((calibrate || withoutGold) && distractorPaths.Length == 0)
            {
                Console.Error.WriteLine($"error: {(calibrate ? "--calibrate" : "--without-gold")} needs --distractors: the questions are asked of them (and of the other articles' paragraphs) without their own article.");
                return 2;
            }

            var answer = !parse.GetValue(retrievalOnly);
            if (!answer && (calibrate || withoutGold))
            {
                Console.Error.WriteLine($"error: {(calibrate ? "--calibrate" : "--without-gold")} measures answers; it cannot run with --retrieval-only.");
                return 2;
            }

            var goal = calibrate ? EvalCalibration.Goal(parse) : null;
            if (calibrate && goal is null)
            {
                return 2;
            }

            var n = parse.GetValue(limit);
            IReadOnlyList<EvalQuestion> qs = [.. questionFiles.SelectMany(f => EvalQuestion.ReadSet(f.FullName).Take(n ?? int.MaxValue))];

            var evalParagraphs = paragraphFile is null ? null : EvalRunner.ReadJsonLines<EvalParagraph>(paragraphFile.FullName);
            var documents = evalParagraphs is not null ? EvalRunner.AsDocuments(evalParagraphs).ToList() : ReadFiles(corpusPaths);
            var distractorDocuments = ReadFiles(distractorPaths);
            documents.AddRange(distractorDocuments);
            var vectorCacheDirectory = parse.GetValue(vectorCache)?.FullName;
            if (parse.GetValue(EvalCandidates.Option) is { } candidatesFile)
            {
                return await EvalCandidates.WriteAsync(documents, qs, k, vectorCacheDirectory, candidatesFile, json, ct);
            }

            if (calibrate)
            {
                var unanswerable = EvalWithoutGold.Sets(evalParagraphs, distractorDocuments, qs);
                var dataDirectory = CliHost.DataPath(parse.GetValue(CommonOptions.Data));
                return await WithSharedVectorsAsync(vectorCacheDirectory, vectors => EvalCalibration.RunAsync(documents, unanswerable, qs, k, runModes, goal!, dataDirectory, vectors, json, ct));
            }

            var evaluation = withoutGold
                ? await WithSharedVectorsAsync(vectorCacheDirectory, vectors => EvalWithoutGold.EvaluateAsync(EvalWithoutGold.Sets(evalParagraphs, distractorDocuments, qs), k, runModes, vectors, json, ct))
                : await EvaluateAsync(documents, qs, k, runModes, vectorCacheDirectory, json, baseline: true, ct, answer);
            if (parse.GetValue(report) is { } reportFile)
            {
                // One line per question and NewsQA run (the baseline has no answers to calibrate on), flat as before plus its mode.
                await File.WriteAllLinesAsync(reportFile.FullName, EvalReport.Lines(evaluation, qs), ct);
            }

            EvalReport.Print(qs, documents, evaluation, withoutGold, json);
            return 0;
        });
        return command;
    }

    internal sealed record EvalRun(EvalSystem System, SearchMode Mode, IReadOnlyList<EvalOutcome> Outcomes, double Seconds)
    {
        /// <summary>False for the baseline (it has no answerer) and for <c>--retrieval-only</c>: the report leaves the answer figures out.</summary>
        public bool Answered { get; init; } = true;
    }

    internal sealed record Evaluation(double IngestSeconds, string? Model, IReadOnlyList<EvalRun> Runs);

    /// <summary>
    /// Ingests <paramref name="documents"/> into a fresh temporary data directory and asks every question in each mode;
    /// with <paramref name="baseline"/>, the plain BM25 over the same documents first; without <paramref name="answer"/>
    /// retrieval only.
    /// </summary>
    internal static Task<Evaluation> EvaluateAsync(IReadOnlyList<DocumentInput> documents, IReadOnlyList<EvalQuestion> qs, int k, SearchMode[] modes, string? vectorCache, bool json, bool baseline, CancellationToken ct, bool answer = true) =>
        InTempDataAsync(async temp =>
        {
            await using var host = await CliHost.StartAsync(temp, ct, vectorCache: vectorCache);
            var runner = host.Get<EvalRunner>();
            var ingestWatch = Stopwatch.StartNew();
            await WithProgressAsync(json, $"Ingesting {documents.Count} documents", documents.Count, p => runner.IngestAsync(documents, p, ct));
            var ingestSeconds = ingestWatch.Elapsed.TotalSeconds;

            var runs = new List<EvalRun>();
            if (baseline)
            {
                var baselineWatch = Stopwatch.StartNew();
                runs.Add(new EvalRun(EvalSystem.Bm25Baseline, SearchMode.Lexical, EvalRunner.RunBaseline(documents, qs, k), baselineWatch.Elapsed.TotalSeconds) { Answered = false });
            }

            foreach (var mode in modes)
            {
                var watch = Stopwatch.StartNew();
                IReadOnlyList<EvalOutcome> outcomes = [];
                await WithProgressAsync(json, $"Asking {qs.Count} questions ({mode.ToWireName()})", qs.Count, async p => outcomes = await runner.RunAsync(qs, k, mode, p, ct, answer: answer));
                runs.Add(new EvalRun(EvalSystem.NewsQa, UsedMode(mode, host), outcomes, watch.Elapsed.TotalSeconds) { Answered = answer });
            }

            ReportCache(host);
            return new Evaluation(ingestSeconds, host.Embedder?.Profile.ModelId, runs);
        });

    /// <summary>Eval only: where the model's vectors are kept between runs (<see cref="EvalVectorCache"/>).</summary>
    internal static readonly Option<DirectoryInfo?> VectorCacheOption = new("--vector-cache")
    {
        Description = "Keep the model's vectors in this folder, keyed by model id and text, and reuse them in later evals",
    };

    /// <summary>One line on stderr, so a reader sees whether the cache was used (stdout stays the report).</summary>
    internal static void ReportCache(CliHost host)
    {
        if (host.VectorCache is { } cache)
        {
            Console.Error.WriteLine($"vector cache: {cache.Hits} texts from the cache, {cache.Misses} embedded");
        }
    }

    /// <summary>The mode a run really used: hybrid is lexical without a model.</summary>
    internal static SearchMode UsedMode(SearchMode mode, CliHost host) => mode == SearchMode.Dense || host.Embedder is not null ? mode : SearchMode.Lexical;

    /// <summary>Runs <paramref name="work"/> on a fresh temporary data directory, deleted afterwards.</summary>
    internal static Task<T> InTempDataAsync<T>(Func<string, Task<T>> work) => InTempFolderAsync("newsqa-eval-", work);

    /// <summary>
    /// Runs <paramref name="work"/>, which ingests more than once (each <c>--without-gold</c> fold, <c>--calibrate</c>'s
    /// answerable set and folds), with one vector cache for all its ingests: the <c>--vector-cache</c> folder when given,
    /// else a temporary one deleted afterwards. Every ingest holds the same distractors, and without it a model embedded
    /// them once per ingest (calibrate: three times).
    /// </summary>
    internal static Task<T> WithSharedVectorsAsync<T>(string? vectorCache, Func<string, Task<T>> work) =>
        vectorCache is not null ? work(vectorCache) : InTempFolderAsync("newsqa-eval-vectors-", work);

    private static async Task<T> InTempFolderAsync<T>(string prefix, Func<string, Task<T>> work)
    {
        var temp = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        try
        {
            return await work(temp);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static List<DocumentInput> ReadFiles(string[] paths)
    {
        var inputs = new List<DocumentInput>();
        foreach (var record in DocumentFileReader.ExpandPaths(paths).SelectMany(DocumentFileReader.Read))
        {
            if (record.Input is not null)
            {
                inputs.Add(record.Input);
            }
            else
            {
                Console.Error.WriteLine($"skipped {record.Origin}: {record.Error}");
            }
        }

        return inputs;
    }

    internal static async Task WithProgressAsync(bool quiet, string description, int total, Func<IProgress<int>?, Task> work)
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
