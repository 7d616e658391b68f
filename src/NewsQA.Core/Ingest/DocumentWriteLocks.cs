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
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length)];
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
}
