using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;
using NewsQA.Testing;
using NewsQA.Testing.Fakes;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// An English question on the German seeds, through the real API: the model's declared languages decide whether
/// dense retrieval may carry it across (issue 14, language). The model is <see cref="FakeMultilingualEmbedder"/>,
/// standing in for a multilingual model; only the manifest's <c>languages</c> differ between the two cases.
/// </summary>
public sealed class CrossLanguageTests
{
    private const string Question = "Who is the Ukrainian defence minister?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelDeclaringBothLanguages_AnswersFromTheGermanArticleVerbatim()
    {
        await using var app = App(["de", "en"]);
        using var client = app.CreateClient();

        var answer = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "answered", answer.ToJsonString());
        Assert.Equal("en", answer["language"]!.GetValue<string>());

        // Which German sentence wins is the model's ranking quality, which a fake cannot speak for; what the service
        // owes is a quote of a German article, verbatim at its span, instead of the "articles are German" refusal.
        var citations = answer["citations"]!.AsArray();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var document = await client.GetJsonAsync($"/api/documents/{citation!["documentId"]!.GetValue<string>()}", Ct);
            Assert.Equal("de", document["language"]!.GetValue<string>());
            Assert.Equal(citation["quote"]!.GetValue<string>(), ApiJson.Slice(document["text"]!.GetValue<string>(), citation["span"]!));
        }
    }

    [Fact]
    public async Task ModelDeclaringOnlyGerman_SaysInEnglishThatTheArticlesAreGerman()
    {
        await using var app = App(["de"]);
        using var client = app.CreateClient();

        var answer = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);

        Assert.Equal("no_answer", answer["status"]!.GetValue<string>());
        var reason = answer["reason"]!.GetValue<string>();
        Assert.Contains("English", reason, StringComparison.Ordinal);
        Assert.Contains("German", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A French question on the German seeds: the reason says French, not English, though the answer phrases exist in
    /// German and English only (it is phrased in English).
    /// </summary>
    [Fact]
    public async Task QuestionInFrench_ReasonNamesFrench_PhrasedInEnglish()
    {
        await using var app = App(["de"]);
        using var client = app.CreateClient();

        var answer = await client.PostJsonAsync("/api/ask", new { question = "Qui est le ministre ukrainien de la Défense ?" }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "no_answer", answer.ToJsonString());
        Assert.Equal("en", answer["language"]!.GetValue<string>());
        var reason = answer["reason"]!.GetValue<string>();
        Assert.Contains("The question is in French", reason, StringComparison.Ordinal);
        Assert.Contains("German", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelDeclaringOnlyEnglish_DoesNotQuoteGermanArticlesForAnEnglishQuestion()
    {
        // The question is in a language the model knows, the articles are not: its vectors of German text carry no
        // meaning to match against, so the answer is the same reason lexical search gives.
        await using var app = App(["en"]);
        using var client = app.CreateClient();

        var answer = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "no_answer", answer.ToJsonString());
        Assert.Empty(answer["citations"]!.AsArray());
        Assert.Contains("German", answer["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static NewsQaApplication App(string[] languages) => new(
        services: s => s.AddSingleton(new QueryAndPassageEmbedder(new FakeMultilingualEmbedder(), new EmbeddingProfile("fake-multilingual", FakeMultilingualEmbedder.Dimensions) { Languages = languages })));
}
