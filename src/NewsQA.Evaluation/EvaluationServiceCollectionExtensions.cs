using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsQA.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Registers the eval runner over the pipeline that <c>AddNewsQa</c> registered (CLI and tests only).</summary>
    public static IServiceCollection AddNewsQaEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton<EvalRunner>();
        return services;
    }
}
