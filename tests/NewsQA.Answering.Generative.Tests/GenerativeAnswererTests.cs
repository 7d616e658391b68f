using NewsQA.Testing.Fakes;
using NewsQA.Core.Answer;
using System.Net;
using System.Text.RegularExpressions;

namespace NewsQA.Answering.Generative.Tests;

public sealed partial class GenerativeAnswererTests : IAsyncLifetime
{
    private const string DocId = "saar-kiew";

    private const string DocText =
        "Der israelische Außenminister Gideon Saar hat am Mittwoch Kiew besucht. " +
        "Saar und sein Amtskollege Andrij Sybiha kündigten an, gemeinsam gegen die Bedrohung aus dem Iran vorgehen zu wollen. " +
        "Beide Minister nannten zudem Russland als Bedrohung. Es ging auch um eine mögliche gemeinsame Waffenproduktion.";

    private FakeOpenAiServer fake = null!;
    private GenerativeTestHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeOpenAiServer.StartAsync(Ct);
        host = await GenerativeTestHost.StartAsync(fake, Ct, timeoutSeconds: 2);
        await host.IngestAsync(DocId, "Saar in Kiew", DocText, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task StreamedSentences_BecomeVerifiedCitationsOfTheNamedPassage()
    {
        fake.Reply = r =>
        {
            var n = PassageOf(r, "Gideon Saar");
            return $$"""
                {"sentence": "Gideon Saar, Israels Außenminister, war am Mittwoch in Kiew [{{n}}].", "quotes": [{"passage": {{n}}, "quote": "Der israelische Außenminister Gideon Saar hat am Mittwoch Kiew besucht."}]}
                {"sentence": "Beide Seiten sehen den Iran als Bedrohung [{{n}}].", "quotes": [{"passage": {{n}}, "quote": "gemeinsam gegen die Bedrohung aus dem Iran vorgehen zu wollen"}]}
                """;
        };

        var retrieval = await host.Ask.RetrieveAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);
        var streamed = new List<string>();
        var result = await host.Ask.AnswerAsync(retrieval, (text, _) => { streamed.Add(text); return Task.CompletedTask; }, Ct);

        Assert.Equal(AnswerMode.Generative, result.Mode);
        Assert.Equal(AnswerStatus.Answered, result.Status);
        Assert.False(result.HasUnverifiedStatements);
        Assert.Null(result.Reason);
        Assert.Equal(2, streamed.Count);
        Assert.Equal(result.Answer.Text, string.Concat(streamed));
        Assert.Equal("Gideon Saar, Israels Außenminister, war am Mittwoch in Kiew.", result.Answer.Segments[0].Text);
        Assert.All(result.Answer.Segments, s => Assert.Single(s.CitationIds));

        var document = await host.Store.GetAsync(DocId, Ct);
        Assert.Equal(2, result.Citations.Count);
        Assert.All(result.Citations, c =>
        {
            Assert.Equal(DocId, c.DocumentId);
            Assert.Equal(c.Quote, document!.Text[c.Span.Start..c.Span.End]);
        });

        var request = Assert.Single(fake.Requests);
        Assert.True(request.Stream);
        Assert.Equal("fake-model", request.Model);
    }

    [Fact]
    public async Task QuoteNotInThePassage_IsDroppedAndTheAnswerSaysSo()
    {
        fake.Reply = r =>
        {
            var n = PassageOf(r, "Gideon Saar");
            return $$"""
                {"sentence": "Saar besuchte Kiew [{{n}}].", "quotes": [{"passage": {{n}}, "quote": "Der israelische Außenminister Gideon Saar hat am Mittwoch Kiew besucht."}]}
                {"sentence": "Er brachte zehn Panzer mit [{{n}}].", "quotes": [{"passage": {{n}}, "quote": "Saar brachte zehn Panzer mit."}]}
                {"sentence": "Das war ein historischer Besuch."}
                """;
        };

        var result = await host.Ask.AskAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);

        Assert.Equal(AnswerStatus.Answered, result.Status);
        Assert.Equal(AnswerMode.Generative, result.Mode);
        var citation = Assert.Single(result.Citations);
        Assert.DoesNotContain("Panzer", citation.Quote, StringComparison.Ordinal);
        Assert.Equal([citation.Id], result.Answer.Segments[0].CitationIds);
        Assert.Empty(result.Answer.Segments[1].CitationIds);
        Assert.Empty(result.Answer.Segments[2].CitationIds);
        Assert.True(result.HasUnverifiedStatements);
        Assert.Equal(AnswerPhrases.Unverified("de"), result.Reason);
    }

    [Fact]
    public async Task QuoteDifferingOnlyInWhitespaceAndQuoteMarks_CitesTheDocumentsOwnWords()
    {
        fake.Reply = r =>
        {
            var n = PassageOf(r, "Gideon Saar");
            return $$"""{"sentence": "Beide nannten Russland [{{n}}].", "quotes": [{"passage": {{n}}, "quote": "Beide  Minister nannten\nzudem Russland als Bedrohung."}]}""";
        };

        var result = await host.Ask.AskAsync(new AskRequest("Wen nannten beide Minister als Bedrohung?", null, new(), []), Ct);

        var citation = Assert.Single(result.Citations);
        Assert.Equal("Beide Minister nannten zudem Russland als Bedrohung.", citation.Quote);
        Assert.False(result.HasUnverifiedStatements);
    }

    [Fact]
    public async Task SlowModel_TimesOutAndFallsBackToExtractive()
    {
        fake.Delay = TimeSpan.FromSeconds(30);

        var started = DateTime.UtcNow;
        var result = await host.Ask.AskAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
        Assert.Equal(AnswerMode.Extractive, result.Mode);
        Assert.Equal(AnswerStatus.Answered, result.Status);
        Assert.Contains("Gideon Saar", result.Answer.Text, StringComparison.Ordinal);
        Assert.Contains("did not answer within 2 s", result.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Citations);
    }

    [Fact]
    public async Task FailingModel_FallsBackToExtractive()
    {
        fake.FailWith = HttpStatusCode.InternalServerError;

        var result = await host.Ask.AskAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);

        Assert.Equal(AnswerMode.Extractive, result.Mode);
        Assert.Equal(AnswerStatus.Answered, result.Status);
        Assert.Contains("could not be reached or failed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableOutput_FallsBackToExtractive()
    {
        fake.Reply = _ => "Gideon Saar war in Kiew, glaube ich.";

        var result = await host.Ask.AskAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);

        Assert.Equal(AnswerMode.Extractive, result.Mode);
        Assert.Contains("could not be read", result.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Citations);
    }

    [Fact]
    public async Task ModelFindingNoAnswer_GivesNoAnswerInTheQuestionsLanguage()
    {
        fake.Reply = _ => """{"noAnswer": true}""";

        var result = await host.Ask.AskAsync(new AskRequest("Who visited Kyiv on Wednesday, Gideon Saar?", null, new(), []), Ct);

        Assert.Equal(AnswerStatus.NoAnswer, result.Status);
        Assert.Equal(AnswerPhrases.NoAnswer("en"), result.Answer.Text);
        Assert.Empty(result.Citations);
        Assert.Contains("English", fake.Requests[0].System, StringComparison.Ordinal);
    }

    private static int PassageOf(FakeChatRequest request, string phrase)
    {
        foreach (Match m in PassagePattern().Matches(request.User))
        {
            if (m.Groups["body"].Value.Contains(phrase, StringComparison.Ordinal))
            {
                return int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No passage with '{phrase}' in the prompt.");
    }

    [GeneratedRegex("""<passage n="(?<n>\d+)"[^>]*>\n(?<body>.*?)\n</passage>""", RegexOptions.Singleline)]
    private static partial Regex PassagePattern();
}
