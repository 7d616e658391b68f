using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Answering.Generative;

namespace NewsQA.Hosting.Selection;

/// <summary>Generative answers when <c>Llm:Endpoint</c> is set; extractive otherwise.</summary>
public static class GenerativeSelection
{
    public static IServiceCollection AddNewsQaAnswers(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGenerativeAnswers(configuration);
}
