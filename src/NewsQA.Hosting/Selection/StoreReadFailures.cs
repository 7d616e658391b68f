namespace NewsQA.Hosting.Selection;

/// <summary>
/// Whether reads from the store fail although it answers (a damaged search index, a damaged file): set by the read
/// guards (<see cref="StoreReadGuard"/>) when a read fails, cleared by the next read that succeeds; readiness reports
/// it, with the way back, until then.
/// </summary>
public sealed class StoreReadFailures
{
    private volatile string? component;

    /// <summary>The store whose last read failed, or null when the last read succeeded (or none failed yet).</summary>
    public string? FailingComponent => component;

    internal void Failed(string name) => component = name;

    internal void Succeeded()
    {
        if (component is not null)
        {
            component = null;
        }
    }
}
