using Microsoft.Extensions.AI;

namespace NewsQA.Benchmarks;

/// <summary>
/// Random unit vectors in place of a model's passages, for stores too large to embed on this machine: the store, its
/// dense mirror and its scan do the same work on them as on a model's vectors (random directions are the scan's worst
/// case, <see cref="SyntheticVectors"/>), and the ingest measures the store's side without the model's.
/// </summary>
internal sealed class SyntheticEmbeddingGenerator(int dimensions, int seed) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The ingest embeds from one stage, but a seeded generator must not be shared unguarded.
        lock (gate)
        {
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(SyntheticVectors.Unit(random, dimensions))).ToList()));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
