using NewsQA.Core.Answer;
using NewsQA.Core.Search.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace NewsQA.Answering.Generative.SemanticKernel;

public static class NewsQaKernelExtensions
{
    /// <summary>
    /// Adds NewsQA to a kernel: the <see cref="NewsQaPlugin"/> (search_news, ask_news) and, when a model is
    /// configured, NewsQA's ONNX embedder as the kernel's <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>.
    /// <paramref name="newsQa"/> is a provider on which NewsQA's services are registered (AddNewsQaCore + a store);
    /// <paramref name="collection"/> the one collection the plugin reads (<see cref="NewsQaPlugin"/>).
    /// </summary>
    public static IKernelBuilder AddNewsQa(this IKernelBuilder kernel, IServiceProvider newsQa, string collection = Core.Documents.DocumentKey.DefaultCollection)
    {
        kernel.Plugins.AddFromObject(new NewsQaPlugin(newsQa.GetRequiredService<Retriever>(), newsQa.GetRequiredService<AskService>(), collection), NewsQaPlugin.Name);
        if (newsQa.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } embedder)
        {
            kernel.Services.AddSingleton(embedder);
        }

        return kernel;
    }
}
