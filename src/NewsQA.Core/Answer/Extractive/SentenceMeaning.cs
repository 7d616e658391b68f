using System.Numerics.Tensors;
using NewsQA.Core.Search.Embedding;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// How close each candidate sentence is in meaning to the question: the cosine of the question's vector (the one
/// retrieval already embedded) and the sentence's, embedded at ask time as a passage of the attached model, in one
/// batch. Sentences are embedded when asked for rather than stored at ingest: a question reads the sentences of its
/// top passages only, popular articles' sentences come from the cache, and the store, its ingest time and both
/// backends stay as they are (its cost per ask: docs/quality-levers.md, SentenceMeaning). A pair of adjacent
/// sentences is scored by the sum of its two sentence vectors (normalised), which is close to the pair's own
/// embedding for pooled encoders and costs nothing more.
/// </summary>
internal sealed class SentenceMeaning(QueryAndPassageEmbedder encoder)
{
    /// <summary>Sentence vectors kept per process: about 6 MB at 384 dimensions; keyed by model id and text like query vectors.</summary>
    private const int CacheCapacity = 4096;

    private readonly QueryVectorCache cache = new(CacheCapacity);

    /// <summary>Vectors of <paramref name="sentences"/>, normalised; cached ones are not embedded again.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        var model = encoder.Profile.ModelId;
        var vectors = new ReadOnlyMemory<float>[sentences.Count];
        var missing = new List<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (cache.TryGet(model, sentences[i], out var cached))
            {
                vectors[i] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var texts = missing.Select(i => sentences[i]).Distinct(StringComparer.Ordinal).ToList();
            var embedded = await encoder.EmbedPassagesAsync(texts, cancellationToken).ConfigureAwait(false);
            var byText = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
            for (var t = 0; t < texts.Count; t++)
            {
                byText[texts[t]] = embedded[t];
                cache.Add(model, texts[t], embedded[t]);
            }

            foreach (var i in missing)
            {
                vectors[i] = byText[sentences[i]];
            }
        }

        return vectors;
    }

    /// <summary>Cosine of two normalised vectors.</summary>
    public static double Similarity(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) => TensorPrimitives.Dot(a.Span, b.Span);

    /// <summary>Cosine of the question and two adjacent sentences read as one: their vectors summed, then normalised.</summary>
    public static double PairSimilarity(ReadOnlyMemory<float> query, ReadOnlyMemory<float> first, ReadOnlyMemory<float> second)
    {
        var sum = new float[first.Length];
        TensorPrimitives.Add(first.Span, second.Span, sum);
        var norm = TensorPrimitives.Norm(sum);
        return norm > 0 ? TensorPrimitives.Dot(query.Span, sum) / norm : 0;
    }
}

/// <summary>The question's vector and every sentence vector of the analyzed passages (flat, in passage order).</summary>
internal sealed class SentenceVectors
{
    private readonly ReadOnlyMemory<float> query;
    private readonly IReadOnlyList<ReadOnlyMemory<float>> vectors;
    private readonly int[] offsets;

    public SentenceVectors(ReadOnlyMemory<float> query, IReadOnlyList<AnalyzedPassage> passages, IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        this.query = query;
        this.vectors = vectors;
        offsets = new int[passages.Count];
        for (int p = 0, offset = 0; p < passages.Count; offset += passages[p].Sentences.Count, p++)
        {
            offsets[p] = offset;
        }
    }

    /// <summary>Cosine of the question and <paramref name="unit"/> of passage <paramref name="passage"/>.</summary>
    public double Of(int passage, Unit unit)
    {
        var first = vectors[offsets[passage] + unit.First];
        return unit.Paired
            ? SentenceMeaning.PairSimilarity(query, first, vectors[offsets[passage] + unit.First + 1])
            : SentenceMeaning.Similarity(query, first);
    }
}
