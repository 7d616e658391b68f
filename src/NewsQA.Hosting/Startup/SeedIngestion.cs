using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// Ingests <c>Seeds:Path</c> when the store is empty, whatever state the model is in (absent, named and still
/// missing, on its way: the seeds go in lexically and the backfill embeds them once it arrives), so the first request
/// of a new install already gets answers; only a store recorded for another model's vectors is left alone, since
/// writing into it would mix two models. Says in the log what went in and what was skipped.
/// </summary>
public sealed partial class SeedIngestion(IngestPipeline pipeline, IOptions<SeedOptions> options, ILogger<SeedIngestion> logger)
{
    public async Task IngestIfEmptyAsync(StartupReport report, CancellationToken cancellationToken)
    {
        if (await IngestAsync(report, cancellationToken).ConfigureAwait(false) is not { } seeds)
        {
            return;
        }

        foreach (var (origin, reason) in seeds.Skipped)
        {
            LogSeedSkipped(logger, origin, reason);
        }

        if (seeds.FolderFound)
        {
            LogSeeded(logger, seeds.Ingested, seeds.Path);
        }
        else
        {
            LogNoSeeds(logger, seeds.Path);
        }
    }

    private async Task<SeedReport?> IngestAsync(StartupReport report, CancellationToken cancellationToken)
    {
        var seeds = options.Value;
        if (!seeds.IngestOnEmpty || report.Store is not { Documents: 0 } || report.ModelMismatch is not null)
        {
            return null;
        }

        var path = System.IO.Path.GetFullPath(seeds.Path);
        if (!Directory.Exists(path))
        {
            return new SeedReport(0, path, false, []);
        }

        var ingested = 0;
        var skipped = new List<(string, string)>();
        foreach (var read in DocumentFileReader.ExpandPaths([path]).SelectMany(DocumentFileReader.Read))
        {
            if (read.Input is null)
            {
                skipped.Add((read.Origin, read.Error ?? "unreadable"));
                continue;
            }

            try
            {
                await pipeline.IngestAsync(read.Input, cancellationToken).ConfigureAwait(false);
                ingested++;
            }
            catch (DocumentRejectedException ex)
            {
                skipped.Add((read.Origin, ex.Message));
            }
        }

        return new SeedReport(ingested, path, true, skipped);
    }

    /// <summary>Seeds ingested: how many, from where, and the files that were skipped with their reason.</summary>
    private sealed record SeedReport(int Ingested, string Path, bool FolderFound, IReadOnlyList<(string Origin, string Reason)> Skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds folder {Path} not found; starting with an empty store")]
    private static partial void LogNoSeeds(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed {Origin} skipped: {Reason}")]
    private static partial void LogSeedSkipped(ILogger logger, string origin, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Count} seed documents from {Path}")]
    private static partial void LogSeeded(ILogger logger, int count, string path);
}
