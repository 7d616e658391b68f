namespace NewsQA.Hosting.Selection;

/// <summary>
/// Whether reads from the store fail although it answers: set by the read guards (<see cref="StoreReadGuard"/>) when a
/// read fails, cleared by the next read that succeeds; readiness reports it, with the way back, until then. A failure
/// that shows the store's file itself is damaged (<see cref="StoreDamage"/>) stays until the process restarts, and
/// writes are refused meanwhile: a read of an undamaged page succeeding says nothing about the damaged ones, and
/// writing on into a damaged file can spread the damage.
/// </summary>
public sealed class StoreReadFailures
{
    private volatile string? component;
    private volatile string? damaged;

    /// <summary>The store whose last read failed (or that is damaged), or null when the last read succeeded (or none failed yet).</summary>
    public string? FailingComponent => damaged ?? component;

    /// <summary>The store whose file a read found damaged in this process's life, or null.</summary>
    public string? DamagedComponent => damaged;

    internal void Failed(string name, bool isDamage)
    {
        component = name;
        if (isDamage)
        {
            damaged = name;
        }
    }

    internal void Succeeded()
    {
        if (component is not null)
        {
            component = null;
        }
    }
}
