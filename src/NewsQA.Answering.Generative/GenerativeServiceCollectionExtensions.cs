using NewsQA.Core.Configuration;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Search.Query;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace NewsQA.Answering.Generative;

public static class GenerativeServiceCollectionExtensions
{
    internal const string HttpClientName = "NewsQA.Llm";

    /// <summary>
    /// When <c>Llm:Endpoint</c> is set, answers are written by that chat model (falling back to extractive
    /// answers on failure) and follow-up questions are rewritten by it; otherwise nothing changes.
    /// Works whether it is called before or after <c>AddNewsQaCore</c>.
    /// </summary>
    public static IServiceCollection AddGenerativeAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GenerativeOptions.Section);
        services.AddSectionOptions<GenerativeOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenerativeOptions>, GenerativeOptionsValidator>());
        if (string.IsNullOrWhiteSpace(section[nameof(GenerativeOptions.Endpoint)]))
        {
            return services;
        }

        // Each call is bounded by Llm:TimeoutSeconds through its cancellation token, not by HttpClient.Timeout.
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IChatCompletionService>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GenerativeOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // The OpenAI client insists on a key; servers without auth ignore the placeholder.
            var apiKey = new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey);
            var client = new OpenAIClient(apiKey, new OpenAIClientOptions
            {
                Endpoint = new Uri(o.Endpoint!),
                Transport = new HttpClientPipelineTransport(http),
                // One retry for a transient failure; the timeout bounds the whole call either way.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
            });
            return new OpenAIChatCompletionService(o.Model!, client, sp.GetService<ILoggerFactory>());
        });

        services.TryAddSingleton<ExtractiveAnswerer>();
        services.TryAddSingleton<KeyTermQueryRewriter>();
        services.Replace(ServiceDescriptor.Singleton<IAnswerer, GenerativeAnswerer>());
        services.Replace(ServiceDescriptor.Singleton<IQueryRewriter, LlmQueryRewriter>());
        return services;
    }
}
