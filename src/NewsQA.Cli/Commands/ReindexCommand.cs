using System.CommandLine;
using NewsQA.Core.Ingest;
using NewsQA.Core.Storage;
using NewsQA.Hosting.ModelLifecycle;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa reindex</c>: checks the store's file (rebuilding its SQLite indexes when only they are damaged), then
/// re-chunks and re-embeds every stored document, e.g. after changing Embeddings:Model;
/// <c>--lexical</c> only rebuilds the lexical index from the stored documents (a damaged or lost index).
/// </summary>
internal static class ReindexCommand
{
    private static readonly Option<bool> LexicalOnly = new("--lexical")
    {
        Description = "Only rebuild the lexical index from the stored documents (after damage or loss); keeps chunks and vectors",
    };

    public static Command Create()
    {
        var command = new Command("reindex", "Re-chunk and re-embed every stored document with the configured model") { LexicalOnly };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Data), ct, allowModelChange: true);
            if (parse.GetValue(LexicalOnly))
            {
                if (host.Find<IRebuildableLexicalIndex>() is not { } lexical)
                {
                    Console.Error.WriteLine("This store writes its lexical vectors with each document; 'newsqa reindex' without --lexical rewrites them.");
                    return 2;
                }

                Console.WriteLine($"rebuilt the lexical index from {await lexical.RebuildAsync(ct)} document(s)");
                return 0;
            }

            // A damaged file first (readiness sends the operator here for one): its indexes rebuilt, or a backup needed.
            switch (host.Find<IStoreFileCheck>() is { } file ? await file.CheckAndRepairAsync(ct) : StoreFileState.Sound)
            {
                case StoreFileState.Damaged:
                    Console.Error.WriteLine("error: the store's file is damaged in its stored data, beyond what reindex can rebuild; restore newsqa.db from a backup (docs/reliability.md).");
                    return 1;
                case StoreFileState.Repaired:
                    Console.WriteLine("The store's file had damaged indexes; they were rebuilt and the file passes SQLite's check.");
                    break;
            }

            var store = host.Get<IDocumentStore>();
            var pipeline = host.Get<IngestPipeline>();
            var stats = await store.GetStatisticsAsync(ct);
            if (host.Embedder is { } embedder && stats.EmbeddingModel != embedder.Profile.ModelId)
            {
                // Vectors of two models must never mix: drop the old ones before re-embedding.
                Console.WriteLine($"Switching stored vectors from '{stats.EmbeddingModel ?? "none"}' to '{embedder.Profile.ModelId}'.");
                await host.Get<IEmbeddingModelRecord>().ResetEmbeddingModelAsync(embedder.Profile.ModelId, embedder.Profile.Dimensions, ct);
            }

            var done = 0;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Reindexing", maxValue: Math.Max(1, stats.Documents));
                string? after = null;
                while (true)
                {
                    var page = await store.ListAsync(200, after, ct);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    foreach (var summary in page)
                    {
                        await pipeline.ReindexAsync(summary.Id, ct);

                        task.Value = ++done;
                    }

                    after = page[^1].Id;
                }
            });
            // Every document now has the configured model's vectors: an interrupted background backfill is finished too.
            host.Get<EmbeddingBackfill>().MarkComplete();
            Console.WriteLine($"reindexed {done} document(s); embeddings: {host.Report.EmbeddingMessage}");
            return 0;
        });
        return command;
    }
}
