using System.Collections.Concurrent;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// Politeness per host: one request at a time, and at least <c>Feeds:RequestDelay</c> from the end of one request to
/// the start of the next, whichever feed or page asks. A host is its name and port.
/// </summary>
internal sealed class HostGate(Func<TimeSpan> delay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken ct)
    {
        var slot = slots.GetOrAdd($"{url.IdnHost}:{url.Port}", _ => new Slot());
        await slot.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = slot.LastEnd + delay() - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }

        return new Lease(slot, time);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset LastEnd { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(Slot slot, TimeProvider time) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slot.LastEnd = time.GetUtcNow();
                slot.Lock.Release();
            }
        }
    }
}
