using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Answering.Generative;

namespace NewsQA.Hosting;

/// <summary>Generative answers when <c>Llm:Endpoint</c> is set; extractive otherwise.</summary>
public static class GenerativeSelection
{
    public static IServiceCollection AddNewsQaAnswers(this IServiceCollection services, IConfiguration configuration, ServiceStatus status)
    {
        services.AddGenerativeAnswers(configuration);
        var llm = configuration.GetSection(GenerativeOptions.Section).Get<GenerativeOptions>();
        status.GenerativeModel = llm is { IsEnabled: true } ? llm.Model : null;
        return services;
    }
}
