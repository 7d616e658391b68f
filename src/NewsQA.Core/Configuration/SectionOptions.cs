using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsQA.Core.Configuration;

public static class SectionOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to its section with its data annotations validated at start; once, whichever
    /// project registers it first (a backend and Core may both need the same options).
    /// </summary>
    public static OptionsBuilder<T> AddSectionOptions<T>(this IServiceCollection services)
        where T : class, ISectionOptions
    {
        var builder = services.AddOptions<T>();
        if (services.Any(d => d.ServiceType == typeof(Bound<T>)))
        {
            return builder;
        }

        services.AddSingleton<Bound<T>>();
        return builder.BindConfiguration(T.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>Marks <typeparamref name="T"/> as bound, so a second registration binds nothing twice.</summary>
    private sealed class Bound<T>;
}
