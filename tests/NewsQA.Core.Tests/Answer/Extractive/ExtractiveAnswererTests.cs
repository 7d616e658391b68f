using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Query;
using Microsoft.Extensions.Options;

namespace NewsQA.Core.Tests.Answer.Extractive;

public sealed class ExtractiveAnswererTests
{
    private const string Text = ArmsArticle.Text;

    private static readonly LuceneTermAnalyzer Analyzer = new();

    private static AnswerContext Context(string question) => ArmsArticle.Context(question);

    private static ExtractiveAnswerer Answerer() => new(Analyzer, Options.Create(new AnswerOptions()));

    [Fact]
    public async Task AnswerableQuestion_QuotesTheSentenceWithTheFact()
    {
        var draft = await Answerer().AnswerAsync(Context("Wie viele Artilleriegeschosse wurden hergestellt?"), TestContext.Current.CancellationToken);

        Assert.True(draft.Answered);
        var quote = Assert.Single(draft.Segments[0].Quotes);
        Assert.Contains("2,5 Millionen", quote.Quote, StringComparison.Ordinal);
        Assert.Equal(quote.Quote, quote.Span!.Value.Slice(Text));
    }

    [Fact]
    public async Task QuestionAboutSomethingElse_IsNotAnswered()
    {
        var draft = await Answerer().AnswerAsync(Context("Wer hat die Fußball-Weltmeisterschaft 2014 gewonnen?"), TestContext.Current.CancellationToken);

        Assert.False(draft.Answered);
        Assert.Empty(draft.Segments);
        Assert.False(string.IsNullOrEmpty(draft.Reason));
    }

    [Fact]
    public async Task QuestionOfOnlyQuestionWords_IsNotAnswered()
    {
        var draft = await Answerer().AnswerAsync(Context("Was ist das?"), TestContext.Current.CancellationToken);

        Assert.False(draft.Answered);
    }

    [Fact]
    public async Task Confidence_IsHigherForTheRightPassageThanForAWrongOne()
    {
        // Threshold 0: both report their best sentence, whichever side of the shipped threshold it falls.
        var right = await Answerer().AnswerAsync(Context("Wie viele Raketen sollen produziert werden?") with { MinConfidence = 0 }, TestContext.Current.CancellationToken);
        var wrong = await Answerer().AnswerAsync(Context("Wie viele Panzer hat Deutschland geliefert?") with { MinConfidence = 0 }, TestContext.Current.CancellationToken);

        Assert.True(right.Confidence > wrong.Confidence, $"{right.Confidence} <= {wrong.Confidence}");
        Assert.Contains("3.000 Raketen", right.Segments[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wie viele Raketen will die Ukraine bauen?", "de")]
    [InlineData("How many rockets does Ukraine want to build?", "en")]
    [InlineData("Wer ist der Präsident?", "de")]
    [InlineData("Who is the president of the country?", "en")]
    public void Language_IsDetectedFromFunctionWords(string question, string language) =>
        Assert.Equal(language, QuestionLanguage.Detect(question));
}
