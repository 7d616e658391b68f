using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Ingest;

/// <summary>
/// Bulk ingest as three overlapping stages joined by bounded channels: prepare (clean, hash, chunk, analyze)
/// → embed (chunks of several documents in one model call, so small articles still fill a batch) → store
/// (one atomic transaction per document, as in <see cref="IngestAsync"/>). While the model embeds one batch,
/// the next documents are prepared and the previous ones written, so the model is seldom idle.
/// </summary>
public sealed partial class IngestPipeline
{
    /// <summary>Chunks embedded per model call in bulk ingest; the model's own batch size splits them further.</summary>
    public int BulkEmbedChunks { get; init; } = 64;

    /// <summary>
    /// Ingests <paramref name="inputs"/> in order and reports each outcome in the same order. A rejected document
    /// is reported and skipped; an unavailable store or embedder ends the run with its exception. An id that occurs
    /// twice is an update by the later input.
    /// </summary>
    public async IAsyncEnumerable<IngestOutcome> IngestManyAsync(IEnumerable<DocumentInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new BoundedChannelOptions(capacity: 32) { SingleReader = true, SingleWriter = true };
        var prepared = Channel.CreateBounded<Stage>(options);
        var embedded = Channel.CreateBounded<Stage>(options);
        var outcomes = Channel.CreateBounded<IngestOutcome>(options);

        var stages = new[]
        {
            RunStageAsync(() => PrepareAllAsync(inputs, prepared.Writer, cts.Token), prepared.Writer),
            RunStageAsync(() => EmbedAllAsync(prepared.Reader, embedded.Writer, cts.Token), embedded.Writer),
            RunStageAsync(() => StoreAllAsync(embedded.Reader, outcomes.Writer, cts.Token), outcomes.Writer),
        };

        try
        {
            await foreach (var outcome in outcomes.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                yield return outcome;
            }
        }
        finally
        {
            // A consumer that stops early, or a failed stage, stops the others.
            await cts.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(stages.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        // Surface the first real failure (a stage's own error, not the cancellation it caused in the others).
        var failure = stages.Where(s => s.IsFaulted).Select(s => s.Exception!.GetBaseException()).FirstOrDefault(e => e is not OperationCanceledException);
        if (failure is not null)
        {
            throw failure;
        }
    }

    private static async Task RunStageAsync<T>(Func<Task> stage, ChannelWriter<T> output)
    {
        try
        {
            await stage().ConfigureAwait(false);
            output.TryComplete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    }

    private async Task PrepareAllAsync(IEnumerable<DocumentInput> inputs, ChannelWriter<Stage> output, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, (string Hash, int Chunks)>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var started = Stopwatch.GetTimestamp();
            Stage stage;
            try
            {
                var doc = await PrepareAsync(input, known, cancellationToken).ConfigureAwait(false);
                stage = new Stage(input, started) { Prepared = doc.Finished is null ? doc with { Terms = doc.Chunks.Select(c => ChunkTerms.Of(analyzer, c.Text, doc.Document.Title)).ToList() } : doc };
            }
            catch (DocumentRejectedException ex)
            {
                stage = new Stage(input, started) { Error = ex };
            }

            await output.WriteAsync(stage, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EmbedAllAsync(ChannelReader<Stage> input, ChannelWriter<Stage> output, CancellationToken cancellationToken)
    {
        var batch = new List<Stage>();
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Take what is ready, up to a batch of chunks; never wait for more while the model could be working.
            var chunks = 0;
            while (chunks < BulkEmbedChunks && input.TryRead(out var stage))
            {
                batch.Add(stage);
                chunks += stage.Prepared is { Finished: null } p ? p.Chunks.Count : 0;
            }

            if (Dense is { } dense && chunks > 0)
            {
                await EmbedBatchAsync(dense, batch, cancellationToken).ConfigureAwait(false);
            }

            foreach (var stage in batch)
            {
                await output.WriteAsync(stage, cancellationToken).ConfigureAwait(false);
            }

            batch.Clear();
        }
    }

    private async Task EmbedBatchAsync(QueryAndPassageEmbedder dense, List<Stage> batch, CancellationToken cancellationToken)
    {
        var toEmbed = batch.Where(s => s.Prepared is { Finished: null }).ToList();
        var vectors = await EmbedPassagesAsync(dense, toEmbed.SelectMany(s => s.Prepared!.Chunks.Select(c => c.Text)).ToList(), cancellationToken).ConfigureAwait(false);
        var next = 0;
        foreach (var stage in toEmbed)
        {
            stage.Vectors = vectors.Skip(next).Take(stage.Prepared!.Chunks.Count).ToList();
            next += stage.Prepared.Chunks.Count;
        }
    }

    private async Task StoreAllAsync(ChannelReader<Stage> input, ChannelWriter<IngestOutcome> output, CancellationToken cancellationToken)
    {
        await RecordModelAsync(Dense, cancellationToken).ConfigureAwait(false);
        await foreach (var stage in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            IngestOutcome outcome;
            if (stage.Error is { } error)
            {
                metrics.Ingested("rejected", 0, Stopwatch.GetElapsedTime(stage.Started).TotalMilliseconds);
                outcome = new IngestOutcome(stage.Input, null, error);
            }
            else if (stage.Prepared!.Finished is { } finished)
            {
                outcome = new IngestOutcome(stage.Input, finished, null);
            }
            else
            {
                var p = stage.Prepared;
                try
                {
                    var (count, created, story) = await WriteAsync(p, p.Terms!, stage.Vectors, cancellationToken).ConfigureAwait(false);
                    outcome = new IngestOutcome(stage.Input, p.Result(count, created, story), null);
                }
                catch (DocumentRejectedException taken)
                {
                    // An id another file's document holds: reported like any rejected input, the run goes on.
                    metrics.Ingested("rejected", 0, Stopwatch.GetElapsedTime(stage.Started).TotalMilliseconds);
                    outcome = new IngestOutcome(stage.Input, null, taken);
                }
            }

            if (outcome.Result is { } result)
            {
                metrics.Ingested(result.Status.ToWireName(), result.Chunks, Stopwatch.GetElapsedTime(stage.Started).TotalMilliseconds);
            }

            await output.WriteAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One input travelling through the stages.</summary>
    private sealed class Stage(DocumentInput input, long started)
    {
        public DocumentInput Input { get; } = input;

        public long Started { get; } = started;

        public PreparedDocument? Prepared { get; init; }

        public DocumentRejectedException? Error { get; init; }

        public IReadOnlyList<ReadOnlyMemory<float>>? Vectors { get; set; }
    }
}

