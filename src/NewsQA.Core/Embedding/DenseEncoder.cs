using Microsoft.Extensions.AI;

namespace NewsQA.Core.Embedding;

/// <summary>
/// Embeds queries and passages with the configured <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>,
/// adding the model family's prefixes. Registered only when a model is configured; consumers take it as optional.
/// </summary>
public sealed class DenseEncoder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingProfile profile)
{
    public EmbeddingProfile Profile => profile;

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var vectors = await EmbedAsync([profile.QueryPrefix + query], cancellationToken).ConfigureAwait(false);
        return vectors[0];
    }

    public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) =>
        EmbedAsync(passages.Select(p => profile.PassagePrefix + p).ToList(), cancellationToken);

    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not EmbedderUnavailableException)
        {
            throw new EmbedderUnavailableException($"Embedding model '{profile.ModelId}' failed: {ex.Message}", ex);
        }

        if (embeddings.Count != texts.Count)
        {
            throw new EmbedderUnavailableException($"Embedding model '{profile.ModelId}' returned {embeddings.Count} vectors for {texts.Count} texts.");
        }

        return embeddings.Select(e => e.Vector).ToList();
    }
}
