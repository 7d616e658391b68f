using Microsoft.Extensions.AI;

namespace NewsQA.Testing.Fakes;

/// <summary>
/// A fake embedder, standing in for an ONNX model where a test needs vectors but not their meaning: deterministic
/// bag-of-characters vectors, and failures on demand while <see cref="Failing"/> is set.
/// </summary>
public sealed class FakeEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 16;

    public volatile bool Failing;

    /// <summary>When set, awaited before each call embeds: lets a test hold a write in the middle, where a race would happen.</summary>
    public Func<Task>? BeforeEmbedding { get; set; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (BeforeEmbedding is { } hold)
        {
            await hold();
        }

        if (Failing)
        {
            throw new HttpRequestException("The test switched the embedder off.");
        }

        return new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var v = new float[Dimensions];
        foreach (var c in text)
        {
            v[c % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }
}
