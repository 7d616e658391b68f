using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;

namespace NewsQA.Hosting.Selection;

/// <summary>
/// The one rule for reads, whichever store serves them: an engine error while reading (a damaged SQLite file or search
/// index, an unreadable index file) is a <see cref="StoreUnavailableException"/> naming the store, as a failed write
/// already is, so a reader gets the 503 problem (or the CLI its one line) instead of a 500 with a stack trace, and
/// <see cref="StoreReadFailures"/> tells readiness. Errors the stores already map pass through, recorded too.
/// </summary>
internal sealed class StoreReadGuard(string component, StoreReadFailures failures)
{
    public async Task<T> ReadAsync<T>(Func<Task<T>> read, bool clears = true)
    {
        try
        {
            var result = await read().ConfigureAwait(false);
            if (clears)
            {
                failures.Succeeded();
            }

            return result;
        }
        catch (StoreUnavailableException ex)
        {
            failures.Failed(ex.Component, StoreDamage.Is(ex));
            throw;
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidDataException)
        {
            failures.Failed(component, StoreDamage.Is(ex));
            throw new StoreUnavailableException($"The {component} could not read: {ex.Message}", ex) { Component = component };
        }
    }

    /// <summary>
    /// A write, refused while a read has found the store's file damaged (<see cref="StoreReadFailures.DamagedComponent"/>),
    /// so nothing more goes into it; a write that itself finds the damage marks it for the writes after it.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        if (failures.DamagedComponent is { } damaged)
        {
            throw new StoreUnavailableException($"The {damaged}'s file was found damaged by a read; writes are refused until the service restarts (run 'newsqa reindex' first).") { Component = damaged };
        }

        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && StoreDamage.Is(ex))
        {
            failures.Failed(component, isDamage: true);
            throw;
        }
    }

    /// <summary>Wraps the store's read contracts in <paramref name="services"/> with the guard; document writes are refused while the file is known damaged.</summary>
    public static void Decorate(IServiceCollection services, string component)
    {
        Replace<IDocumentStore>(services, (inner, guard) => new GuardedDocumentStore(inner, guard), component);
        Replace<ILexicalIndex>(services, (inner, guard) => new GuardedLexicalIndex(inner, guard), component);
        Replace<IVectorIndex>(services, (inner, guard) => inner is IServerSideHybridSearch ? new GuardedHybridVectorIndex(inner, guard) : new GuardedVectorIndex(inner, guard), component);
    }

    private static void Replace<T>(IServiceCollection services, Func<T, StoreReadGuard, T> wrap, string component)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        Func<IServiceProvider, object> create = original switch
        {
            { ImplementationFactory: { } factory } => factory,
            { ImplementationInstance: { } instance } => _ => instance,
            { ImplementationType: { } type } => sp => ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"{typeof(T).Name} has a registration the read guard cannot wrap."),
        };
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(T), sp =>
            wrap((T)create(sp), new StoreReadGuard(component, sp.GetRequiredService<StoreReadFailures>())), original.Lifetime));
    }
}
