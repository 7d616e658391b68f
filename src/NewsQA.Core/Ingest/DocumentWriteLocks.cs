namespace NewsQA.Core.Ingest;

/// <summary>
/// Every write of one document (ingest, update, delete, re-embedding) runs one at a time, so none acts on a version
/// another has just replaced: ten concurrent PUTs of a new id would otherwise all read "absent" and all answer 201,
/// and a background re-embedding that read a document before a user's update would write the old text back over it.
/// Striped, so unrelated ids rarely wait for each other; one process only (the embedded store has one writer process,
/// and Qdrant writes of one id from two replicas are last-writer-wins there).
/// </summary>
internal sealed class DocumentWriteLocks
{
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Runs <paramref name="write"/> while no other write of <paramref name="key"/> (an id, or a text without one) runs.</summary>
    public async Task<T> RunAsync<T>(string key, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var stripe = stripes[StripeOf(key)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> holding both keys (a move): their stripes are taken in index order, and once when
    /// they share one, so two writes holding two keys each never wait on each other in a circle.
    /// </summary>
    public async Task<T> RunAsync<T>(string first, string second, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var (a, b) = (StripeOf(first), StripeOf(second));
        if (a == b)
        {
            return await RunAsync(first, write, cancellationToken).ConfigureAwait(false);
        }

        var (low, high) = a < b ? (stripes[a], stripes[b]) : (stripes[b], stripes[a]);
        await low.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await high.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await write().ConfigureAwait(false);
            }
            finally
            {
                high.Release();
            }
        }
        finally
        {
            low.Release();
        }
    }

    private int StripeOf(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length);
}
