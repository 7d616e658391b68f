using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// German questions written from reading the seed articles: direct ones, paraphrases that share few words
/// with the text, and questions the seeds cannot answer. Run against the API with its seeds ingested at start.
/// </summary>
public sealed class SeedQuestionsTests : ApiTest
{
    private readonly Dictionary<string, string> texts = [];

    public static TheoryData<string, string, string> Answerable => new()
    {
        { "Wie viele Mörser- und Artilleriegeschosse hat die Ukraine im vergangenen Jahr hergestellt?", "002_c3aff394776cafa8", "2,5 Millionen" },
        { "Wie viele Raketen will die Ukraine in diesem Jahr produzieren?", "002_c3aff394776cafa8", "3.000 Raketen" },
        { "Welches System will Großbritannien der Ukraine bis Jahresende liefern?", "002_c3aff394776cafa8", "Gravehawk" },
        { "Wie lange läuft das Partnerschaftsabkommen zwischen Kiew und London?", "002_c3aff394776cafa8", "100 Jahren" },
        { "Mit wem hat sich der israelische Außenminister Saar in Kiew getroffen?", "000_74f70624a5986356", "Selenskyj" },
        { "Wer ist der Sekretär des russischen Sicherheitsrats, der nach Teheran reiste?", "003_b1145628e41e4b68", "Patruschew" },
        { "Welcher Organisation ist der Iran beigetreten?", "003_b1145628e41e4b68", "Shanghaier Organisation für Zusammenarbeit" },
        { "Mit wem hat Schoigu über den Ukraine-Konflikt gesprochen?", "001_23aad25e3376c29a", "Kim Jong Un" },
        { "Welche Länder wollen sich der Initiative zum elektromagnetischen Kampf anschließen?", "001_23aad25e3376c29a", "Belgien, Estland, Italien, Schweden" },
        { "Wen bestellte Kiew nach dem Lieferstopp ins Außenministerium ein?", "004_6131d308b1147b31", "John Ginkel" },
        { "Wie viele Angriffe startete Russland in einigen Nächten?", "004_6131d308b1147b31", "400 Angriffe" },

        // Paraphrases: the question's wording differs from the article's.
        { "Wie viel Geld gibt London der Ukraine in diesem Jahr?", "002_c3aff394776cafa8", "6,6 Milliarden Dollar" },
        { "Woher stammen die meisten Waffen der Ukraine?", "002_c3aff394776cafa8", "40 Prozent" },
        { "Was wirft man dem Iran im Ukraine-Krieg vor?", "002_c3aff394776cafa8", "Drohnen" },
        { "Wie viele weitreichende Drohnen sollen gebaut werden?", "002_c3aff394776cafa8", "30.000" },
    };

    public static TheoryData<string, string> Unanswerable => new()
    {
        { "Wer hat die Fußball-Weltmeisterschaft 2014 gewonnen?", "Dazu habe ich in den Artikeln keine Antwort gefunden." },
        { "Wie hoch ist die Inflation in Japan?", "Dazu habe ich in den Artikeln keine Antwort gefunden." },
        { "Wann wurde der Eiffelturm gebaut?", "Dazu habe ich in den Artikeln keine Antwort gefunden." },
        { "Welche Farbe hat das Logo von Apple?", "Dazu habe ich in den Artikeln keine Antwort gefunden." },
        { "What is the capital of Australia?", "I could not find an answer to this question in the articles." },
    };

    [Theory]
    [MemberData(nameof(Answerable))]
    public async Task AnswerableQuestion_CitesTheRightArticleAndHoldsTheFact(string question, string documentId, string fact)
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question }, Ct);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        Assert.Equal("extractive", answer["mode"]!.GetValue<string>());
        var citations = answer["citations"]!.AsArray();
        Assert.Contains(citations, c => c!["documentId"]!.GetValue<string>() == documentId);
        Assert.Contains(fact, answer["answer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertCitationsAreExactAsync(answer);
    }

    [Theory]
    [MemberData(nameof(Unanswerable))]
    public async Task QuestionTheSeedsCannotAnswer_GetsNoAnswerInItsLanguage(string question, string phrase)
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question }, Ct);

        Assert.Equal("no_answer", answer["status"]!.GetValue<string>());
        Assert.Empty(answer["citations"]!.AsArray());
        Assert.Equal(phrase, answer["answer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_HasTheContractsShape()
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Welches System will Großbritannien der Ukraine liefern?" }, Ct);

        var segment = answer["answer"]!["segments"]!.AsArray()[0]!;
        Assert.NotEmpty(segment["citationIds"]!.AsArray());
        var citation = answer["citations"]!.AsArray()[0]!;
        foreach (var field in new[] { "id", "documentId", "chunkId", "title", "url", "publishedAt", "quote", "span" })
        {
            Assert.True(citation.AsObject().ContainsKey(field), $"citation lacks '{field}'");
        }

        var source = answer["sources"]!.AsArray()[0]!;
        Assert.Equal(citation["documentId"]!.GetValue<string>(), source["documentId"]!.GetValue<string>());
        Assert.True(answer["timings"]!["retrieveMs"]!.GetValue<double>() >= 0);
        Assert.True(answer["timings"]!["answerMs"]!.GetValue<double>() >= 0);
    }

    private async Task AssertCitationsAreExactAsync(JsonNode answer)
    {
        foreach (var citation in answer["citations"]!.AsArray())
        {
            var id = citation!["documentId"]!.GetValue<string>();
            if (!texts.TryGetValue(id, out var text))
            {
                text = (await Client.GetJsonAsync($"/api/documents/{id}", Ct))["text"]!.GetValue<string>();
                texts[id] = text;
            }

            Assert.Equal(citation["quote"]!.GetValue<string>(), ApiJson.Slice(text, citation["span"]!));
        }
    }
}
