using NewsQA.Core.Answer;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Answer.Extractive;

/// <summary>A short article on arms production, chunked small, as the extractive answerer's tests hand it to the answerer.</summary>
internal static class ArmsArticle
{
    public const string Text =
        "Die Ukraine hat ihre Rüstungsproduktion stark ausgebaut.\n\n" +
        "Insbesondere wurden etwa 2,5 Millionen Mörser- und Artilleriegeschosse hergestellt, erklärte Minister Smetanin. " +
        "Ziel sei es, im laufenden Jahr 3.000 Raketen zu produzieren.\n\n" +
        "Die Grünen wollen die Hilfen nicht über neue Schulden finanzieren.";

    /// <summary>Every chunk of <see cref="Text"/> retrieved at rank score 1, lexical score 1 and <paramref name="dense"/> (null: lexical retrieval).</summary>
    public static AnswerContext Context(string question, double? dense = null)
    {
        var document = new DocumentSummary("doc", "Titel", null, new PublicationDate(2025), null, 1);
        var chunks = new SentenceChunker(new ChunkingOptions { TargetChars = 120, MaxChars = 400, MinCharsBeforeParagraphBreak = 50 }).Chunk("doc", Text);
        var passages = chunks.Select(c => new RetrievedPassage(new ChunkHit(c, document, 1), 1, dense, 1, null)).ToList();
        return new AnswerContext(question, "de", passages, []);
    }
}
