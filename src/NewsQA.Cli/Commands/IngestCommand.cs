using System.CommandLine;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Pipeline;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary><c>newsqa ingest PATH...</c>: files or folders of .txt/.md/.json/.jsonl, with a progress bar; idempotent.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Ingest articles from files or folders (.txt, .md, .json, .jsonl)") { paths };
        command.SetAction(async (parse, ct) =>
        {
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
            var records = files.SelectMany(DocumentFileReader.Read);

            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Ingesting {files.Count} file(s)", maxValue: files.Count);
                    string? currentFile = null;
                    foreach (var record in records)
                    {
                        var file = record.Input?.Origin ?? record.Origin;
                        var baseFile = file.Split(':', '[')[0];
                        if (currentFile is not null && baseFile != currentFile)
                        {
                            task.Increment(1);
                        }

                        currentFile = baseFile;
                        if (record.Input is null)
                        {
                            counts["failed"]++;
                            failures.Add($"{record.Origin}: {record.Error}");
                            continue;
                        }

                        try
                        {
                            var result = await pipeline.IngestAsync(record.Input, ct);
                            counts[result.Status.ToString().ToLowerInvariant()]++;
                            task.Description = $"Ingested {counts.Values.Sum()} document(s)";
                        }
                        catch (DocumentRejectedException ex)
                        {
                            counts["failed"]++;
                            failures.Add($"{record.Origin}: {ex.Message}");
                        }
                    }

                    task.Value = task.MaxValue;
                });

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
