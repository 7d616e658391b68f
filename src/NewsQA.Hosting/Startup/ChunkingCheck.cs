using Microsoft.Extensions.Options;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Storage;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// Says at start when stored documents were cut into passages with other <c>Chunking</c> settings than the configured
/// ones: re-ingest skips unchanged content, so after a change of settings (or of the defaults, as 700 → 800 characters
/// without overlap was) the archive keeps answering from its old passages, and nothing else would tell the operator.
/// A sample of the first documents by id stands for the archive: re-chunking each is cheap, reading all of a large one
/// at every start is not.
/// </summary>
public sealed class ChunkingCheck(IngestPipeline pipeline, IDocumentStore store, IOptions<ChunkingOptions> options)
{
    /// <summary>How many stored documents the check re-chunks.</summary>
    public const int SampleSize = 16;

    /// <summary>One line for the operator when some sampled document is chunked otherwise; null when all match.</summary>
    public async Task<string?> NoticeAsync(CancellationToken cancellationToken)
    {
        var sample = await store.ListAsync(SampleSize, afterId: null, cancellationToken).ConfigureAwait(false);
        var stale = 0;
        foreach (var document in sample)
        {
            if (await pipeline.IsChunkedAsConfiguredAsync(document.Id, cancellationToken).ConfigureAwait(false) == false)
            {
                stale++;
            }
        }

        var o = options.Value;
        return stale == 0
            ? null
            : $"Chunking: {stale} of {sample.Count} sampled documents were cut into passages with other settings than the configured ones "
                + $"(TargetChars {o.TargetChars}, MaxChars {o.MaxChars}, OverlapSentences {o.OverlapSentences}); they are searched and "
                + "answered from their old passages until 'newsqa reindex' re-chunks them.";
    }
}
