using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Testing.Fakes;

namespace NewsQA.Core.Tests.Answer.Extractive;

/// <summary>
/// The answerer weighs sentences by meaning only when retrieval hands it the question's vector: an answer without
/// one (lexical retrieval, no model) is exactly the words-only answer, and so is one whose model fails mid-answer.
/// (What the meaning score chooses with a real model: NewsQA.Embeddings.Onnx.Tests, MeaningChoiceTests.)
/// </summary>
public sealed class MeaningScoringTests
{
    private static readonly LuceneTermAnalyzer Analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Questions() => new(
        "Wie viele Artilleriegeschosse wurden hergestellt?",
        "Wie viele Raketen sollen produziert werden?",
        "Wer hat die Fußball-Weltmeisterschaft 2014 gewonnen?",
        "Wie wollen die Grünen die Hilfen finanzieren?");

    private static AnswerContext Context(string question) => ArmsArticle.Context(question, dense: 0.5) with { MinConfidence = 0 };

    private static ExtractiveAnswerer Answerer(QueryAndPassageEmbedder? encoder = null) => new(Analyzer, Options.Create(new AnswerOptions()), encoder);

    private static (QueryAndPassageEmbedder Encoder, FakeEmbedder Embedder) Model()
    {
        var embedder = new FakeEmbedder();
        return (new QueryAndPassageEmbedder(embedder, new EmbeddingProfile("fake-chars", FakeEmbedder.Dimensions)), embedder);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task WithoutTheQuestionsVector_AModelChangesNothing(string question)
    {
        var wordsOnly = await Answerer().AnswerAsync(Context(question), Ct);
        var withModel = await Answerer(Model().Encoder).AnswerAsync(Context(question), Ct);

        Assert.Equal(Describe(wordsOnly), Describe(withModel));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task ModelFailingWhileAnswering_AnswersByWords(string question)
    {
        var (encoder, embedder) = Model();
        var vector = await encoder.EmbedQueryAsync(question, Ct);
        embedder.Failing = true;

        var wordsOnly = await Answerer().AnswerAsync(Context(question), Ct);
        var failed = await Answerer(encoder).AnswerAsync(Context(question) with { QueryVector = vector }, Ct);

        Assert.Equal(Describe(wordsOnly), Describe(failed));
    }

    [Fact]
    public async Task WithTheQuestionsVector_ConfidenceMovesWithTheCosine()
    {
        // Confidence is (words + Meaning × cosine) / (1 + Meaning): a question vector orthogonal to every sentence keeps
        // the words' choice at a lower confidence; one equal to the quoted sentence's vector raises it above that.
        const string question = "Wie viele Artilleriegeschosse wurden hergestellt?";
        var (encoder, _) = Model();
        var wordsOnly = await Answerer().AnswerAsync(Context(question), Ct);
        var quoted = wordsOnly.Segments[0].Quotes[0].Quote;
        var same = (await encoder.EmbedPassagesAsync([quoted], Ct))[0];
        var orthogonal = new float[FakeEmbedder.Dimensions];

        var near = await Answerer(encoder).AnswerAsync(Context(question) with { QueryVector = same }, Ct);
        var far = await Answerer(encoder).AnswerAsync(Context(question) with { QueryVector = orthogonal }, Ct);

        Assert.Equal(quoted, far.Segments[0].Quotes[0].Quote);
        Assert.True(far.Confidence < wordsOnly.Confidence, $"{far.Confidence} >= {wordsOnly.Confidence}");
        Assert.Contains(quoted, near.Segments[0].Quotes[0].Quote, StringComparison.Ordinal);
        Assert.True(near.Confidence > far.Confidence, $"{near.Confidence} <= {far.Confidence}");
    }

    private static string Describe(AnswerDraft draft) =>
        $"{draft.Answered} {draft.Confidence:F6} {draft.Reason} | " + string.Join(" | ", draft.Segments.SelectMany(s => s.Quotes).Select(q => $"{q.DocumentId}:{q.Span}:{q.Quote}"));
}
