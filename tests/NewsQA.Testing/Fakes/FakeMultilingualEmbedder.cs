using Microsoft.Extensions.AI;

namespace NewsQA.Testing.Fakes;

/// <summary>
/// A fake of a multilingual embedding model (multilingual-e5, paraphrase-multilingual-MiniLM), which cannot be had on
/// a machine without the model hub: such models are trained so that a sentence and its translation land close
/// together. The fake keeps exactly that property for a handful of concepts — each dimension is one concept, and the
/// German and English words for it count towards the same dimension — and ignores every other word. Enough to show
/// what the service does with a model whose manifest declares both languages; nothing about real ranking quality.
/// </summary>
public sealed class FakeMultilingualEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Word prefixes (lower case) per concept, German and English side by side.</summary>
    private static readonly string[][] Concepts =
    [
        ["verteidigungsminister", "defence minister", "defense minister"],
        ["ukrain"],
        ["rakete", "missile"],
        ["drohne", "drone"],
        ["israel"],
        ["iran"],
        ["waffenstillstand", "ceasefire"],
        ["luftverteidigung", "air defence", "air defense"],
    ];

    public static int Dimensions => Concepts.Length;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var lower = text.ToLowerInvariant();
        var v = new float[Dimensions];
        for (var d = 0; d < Concepts.Length; d++)
        {
            v[d] = Concepts[d].Sum(word => Occurrences(lower, word));
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
