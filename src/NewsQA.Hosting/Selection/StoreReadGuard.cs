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
            failures.Failed(ex.Component);
            throw;
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidDataException)
        {
            failures.Failed(component);
            throw new StoreUnavailableException($"The {component} could not read: {ex.Message}", ex) { Component = component };
        }
    }

    /// <summary>Wraps the store's read contracts in <paramref name="services"/> with the guard; writes pass through unchanged.</summary>
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
