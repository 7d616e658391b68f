using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Cleaning;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Benchmarks;

/// <summary>The benchmark corpus: the 1,028 10kGNAD articles under tests/TestData (CC BY-NC-SA, see its NOTICE).</summary>
internal static class Corpus
{
    public static string DefaultPath => Path.Combine(NewsQA.Testing.RepoPaths.TestData, "gnad10k", "articles.jsonl");

    public static List<DocumentInput> Documents(string path, int limit) =>
        [.. DocumentFileReader.Read(path).Where(r => r.Input is not null).Select(r => r.Input!).Take(limit)];

    /// <summary>
    /// The passages the ingest pipeline would embed for <paramref name="documents"/>: cleaned, then chunked with default
    /// options, fitted to a model's token window when one is given (as ingest does with a model configured).
    /// </summary>
    public static List<string> Chunks(IEnumerable<DocumentInput> documents, IPassageWindow? window = null)
    {
        var chunker = new SentenceChunker(new ChunkingOptions(), window);
        var chunks = new List<string>();
        foreach (var doc in documents)
        {
            var cleaned = ArticleCleaner.Clean(doc.Text, new ArticleMetadata { Title = doc.Title, PublishedAt = doc.PublishedAt, Source = doc.Source });
            chunks.AddRange(chunker.Chunk("d", cleaned.Text).Select(c => c.Text));
        }

        return chunks;
    }
}
