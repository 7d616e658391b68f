using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Documents;
using NewsQA.Core.Language;
using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>Builds documents and indexed chunks the way the ingest pipeline does, with vectors chosen by the test.</summary>
public static class StoreTestData
{
    /// <summary>The one analysis chain, as the service registers it; stores re-analyse with it when they rebuild their lexical index.</summary>
    public static readonly LuceneTermAnalyzer Analyzer = new();

    public static (NewsDocument Document, IReadOnlyList<IndexedChunk> Chunks) Document(
        string id,
        string text,
        PublicationDate? published = null,
        string? source = null,
        Func<int, float[]>? vectorOf = null,
        int targetChars = 120,
        string? language = null)
    {
        var hash = ContentHash.Compute(id, null, published, source, text, language);
        var document = new NewsDocument(id, "Titel " + id, null, published, source, text, hash, language ?? TextLanguage.Detect(text));
        var chunks = new SentenceChunker(new ChunkingOptions { TargetChars = targetChars, MaxChars = 400, MinCharsBeforeParagraphBreak = 50, OverlapSentences = 0 })
            .Chunk(id, text);
        var indexed = chunks.Select((c, i) => new IndexedChunk(c, ChunkTerms.Of(Analyzer, c.Text, document.Title), vectorOf is null ? (ReadOnlyMemory<float>?)null : Normalize(vectorOf(i)))).ToList();
        return (document, indexed);
    }

    /// <summary>A unit vector pointing mostly along axis <paramref name="axis"/> of a 8-dimensional space.</summary>
    public static float[] Axis(int axis, float lean = 0.1f)
    {
        var v = new float[8];
        Array.Fill(v, lean);
        v[axis % 8] = 1;
        return Normalize(v);
    }

    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    public static IReadOnlyList<string> Terms(string query) => Analyzer.Analyze(query);
}
