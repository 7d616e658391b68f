using System.CommandLine;
using NewsQA.Core;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary><c>newsqa ingest PATH...</c>: files or folders of .txt/.md/.json/.jsonl, with a progress bar; idempotent.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Ingest articles from files or folders (.txt, .md, .json, .jsonl)") { paths, CommonOptions.Collection };
        command.SetAction(async (parse, ct) =>
        {
            if (!CommonOptions.TryCollection(parse.GetValue(CommonOptions.Collection), out var collection))
            {
                return 2;
            }

            var files = DocumentFileReader.ExpandPaths(parse.GetValue(paths)!);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("error: no .txt, .md, .json or .jsonl files found.");
                return 2;
            }

            await using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Data), ct);
            var pipeline = host.Get<IngestPipeline>();
            var counts = new Dictionary<string, int> { ["created"] = 0, ["updated"] = 0, ["unchanged"] = 0, ["failed"] = 0 };
            var failures = new List<string>();
            var unreadable = new System.Collections.Concurrent.ConcurrentQueue<string>();

            // Read failures surface while the pipeline pulls inputs (on its preparation stage), so they are queued.
            var named = new FileNameIds();
            IEnumerable<DocumentInput> Inputs()
            {
                foreach (var record in files.SelectMany(DocumentFileReader.Read))
                {
                    var error = record.Input is null ? record.Error : named.Collision(record);
                    if (record.Input is not { } input || error is not null)
                    {
                        unreadable.Enqueue($"{record.Origin}: {error}");
                        continue;
                    }

                    // A JSON record naming its collection keeps it; every other input goes where --collection says.
                    yield return input with { Origin = input.Origin ?? record.Origin, Collection = input.Collection ?? collection };
                }
            }

            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Ingesting {files.Count} file(s)", maxValue: files.Count);
                    var fileIndex = files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
                    await foreach (var outcome in pipeline.IngestManyAsync(Inputs(), ct))
                    {
                        // Origins are "file", "file:line" or "file[index]": the bar follows the file being ingested.
                        var origin = outcome.Input.Origin ?? string.Empty;
                        var file = fileIndex.Keys.Where(f => origin.StartsWith(f, StringComparison.Ordinal)).MaxBy(f => f.Length);
                        if (file is not null)
                        {
                            task.Value = fileIndex[file];
                        }

                        if (outcome.Error is { } error)
                        {
                            counts["failed"]++;
                            failures.Add($"{origin}: {error.Message}");
                            continue;
                        }

                        counts[outcome.Result!.Status.ToWireName()]++;
                        task.Description = $"Ingested {counts.Values.Sum()} document(s)";
                    }

                    task.Value = task.MaxValue;
                });

            counts["failed"] += unreadable.Count;
            failures.InsertRange(0, unreadable);
            foreach (var failure in failures.Take(20))
            {
                Console.Error.WriteLine($"skipped {failure}");
            }

            if (failures.Count > 20)
            {
                Console.Error.WriteLine($"… and {failures.Count - 20} more");
            }

            Console.WriteLine($"created {counts["created"]}, updated {counts["updated"]}, unchanged {counts["unchanged"]}, failed {counts["failed"]}");
            return counts["failed"] > 0 ? 1 : 0;
        });
        return command;
    }
}
