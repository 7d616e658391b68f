using NewsQA.Core.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsQA.Core.Analysis;
using NewsQA.Core.Answering;
using NewsQA.Core.Calibration;
using Microsoft.Extensions.Options;
using NewsQA.Core.Chunking;
using NewsQA.Core.Citations;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Evaluation;
using NewsQA.Core.Fusion;
using NewsQA.Core.Pipeline;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline stages (analysis, chunking, retrieval, fusion, answering, citations).
    /// A store (<c>INewsStore</c>) and, optionally, an embedder (<c>DenseEncoder</c>) are registered by their own projects.
    /// </summary>
    public static IServiceCollection AddNewsQaCore(this IServiceCollection services)
    {
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddFusionOptions();
        services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ChunkingOptions>, ChunkingOptionsValidator>();

        services.TryAddSingleton<NewsQaMetrics>();
        services.TryAddSingleton<ITermAnalyzer, GermanTermAnalyzer>();
        services.TryAddSingleton<IRankFusion, ReciprocalRankFusion>();
        services.TryAddSingleton<ExtractiveAnswerer>();
        services.TryAddSingleton<IAnswerer>(sp => sp.GetRequiredService<ExtractiveAnswerer>());
        services.TryAddSingleton<IQueryRewriter, KeyTermQueryRewriter>();
        services.TryAddSingleton<Retriever>();
        services.TryAddSingleton<CitationVerifier>();
        services.TryAddSingleton(sp => new AnswerThreshold(sp.GetRequiredService<IOptions<AnswerOptions>>()));
        services.TryAddSingleton(sp => new FusionWeights(sp.GetRequiredService<IOptions<FusionOptions>>()));
        services.TryAddSingleton<AskService>();
        services.TryAddSingleton<IngestPipeline>();
        services.TryAddSingleton<EvalRunner>();
        return services;
    }
}
