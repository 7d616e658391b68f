using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Evaluation;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Testing;
using NewsQA.Testing.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Answering;

/// <summary>
/// With a real model the extractive answerer weighs sentences by meaning too (their cosine to the question). On real
/// questions of both kinds (XQuAD-en dev's copied wording, and the reader-worded questions about the same paragraphs),
/// each given only its own paragraph so retrieval plays no part, the quote holds the gold answer more often with the
/// question's vector than without, and among the questions it wins are ones where the chosen sentence shares fewer of
/// the question's words than the words-only choice: meaning, not wording.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class MeaningChoiceTests
{
    private static readonly LuceneTermAnalyzer Analyzer = new();

    public static TheoryData<string, string> ModelsAndSets() => new(
        RealModels.All.SelectMany(m => new[] { (m.Id, "xquad-en-dev"), (m.Id, "reader-en-dev") }));

    [Theory]
    [MemberData(nameof(ModelsAndSets))]
    public async Task RealQuestions_MeaningFindsTheAnswerMoreOften_AlsoInSentencesWithFewerOfItsWords(string id, string set)
    {
        var ct = TestContext.Current.CancellationToken;
        var real = RealModels.All.Single(m => m.Id == id);
        var folder = ModelFolder.Load(real.Folder);
        using var generator = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions { IntraOpThreads = 1 });
        var encoder = new QueryAndPassageEmbedder(generator, new EmbeddingProfile(folder.Manifest.Id, 384, folder.Manifest.QueryPrefix, folder.Manifest.PassagePrefix));
        var answerer = new ExtractiveAnswerer(Analyzer, Options.Create(new AnswerOptions()), encoder);
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        var paragraphs = EvalRunner.ReadJsonLines<EvalParagraph>(Path.Combine(data, "xquad-en-dev", "paragraphs.jsonl")).ToDictionary(p => p.Id);
        var questions = EvalRunner.ReadJsonLines<EvalQuestion>(Path.Combine(data, set, "questions.jsonl")).Where(q => paragraphs.ContainsKey(q.GoldParagraphId)).ToList();

        int wordsHits = 0, meaningHits = 0;
        var byMeaning = new List<string>();
        foreach (var q in questions)
        {
            // Threshold 0: both report their best sentence; this compares the choice, not the threshold.
            var context = new AnswerContext(q.Question, "en", Passages(paragraphs[q.GoldParagraphId]), []) { MinConfidence = 0 };
            var words = Quote(await answerer.AnswerAsync(context, ct));
            var meaning = Quote(await answerer.AnswerAsync(context with { QueryVector = await encoder.EmbedQueryAsync(q.Question, ct) }, ct));
            var wordsHit = Holds(words, q);
            var meaningHit = Holds(meaning, q);
            wordsHits += wordsHit ? 1 : 0;
            meaningHits += meaningHit ? 1 : 0;
            var profile = QuestionProfile.From(q.Question, Analyzer);
            if (meaningHit && !wordsHit && SentenceScorer.Coverage(profile, Analyzer.Analyze(meaning)) < SentenceScorer.Coverage(profile, Analyzer.Analyze(words)))
            {
                byMeaning.Add($"{q.Question} -> {meaning}");
            }
        }

        var summary = $"{set}, {questions.Count} questions: words {wordsHits}, with meaning {meaningHits}; won by meaning with fewer words: {string.Join(" || ", byMeaning)}";
        // A clear gain, not a tie's noise: at least one question in fifty more.
        Assert.True(meaningHits >= wordsHits + (questions.Count / 50), summary);
        Assert.True(byMeaning.Count > 0, summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
    }

    private static List<RetrievedPassage> Passages(EvalParagraph paragraph)
    {
        var document = new DocumentSummary(paragraph.Id, paragraph.Title ?? paragraph.Id, null, null, null, 1);
        return new SentenceChunker(new ChunkingOptions()).Chunk(paragraph.Id, paragraph.Text)
            .Select(c => new RetrievedPassage(new ChunkHit(c, document, 1), 1, null, 1, null))
            .ToList();
    }

    private static string Quote(AnswerDraft draft) => string.Join(" ", draft.Segments.SelectMany(s => s.Quotes).Select(q => q.Quote));

    private static bool Holds(string quote, EvalQuestion q) => EvalMetrics.ContainsAnswer([quote], q.Answers);
}
