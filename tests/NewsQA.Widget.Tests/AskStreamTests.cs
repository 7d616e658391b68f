using NewsQA.Testing;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Api;
using NewsQA.Core.Answer;

namespace NewsQA.Widget.Tests;

/// <summary>The SSE contract of <c>POST /api/ask</c> with <c>Accept: text/event-stream</c>, over real HTTP.</summary>
public sealed class AskStreamTests
{
    private const string SeedQuestion = "Worüber haben die Ukraine und Israel beraten?";
    private const string SeedSentence = "Die Ukraine und Israel haben nach Angaben des ukrainischen Präsidenten Wolodymyr Selenskyj über eine Stärkung der ukrainischen Luftverteidigung beraten.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamedAnswer_SendsMetaFirst_DeltasThatJoinToTheText_OneCitationEach_AndDoneLast()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, SeedQuestion), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ServerSentEvents.ReadAllAsync(response, Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("meta", events[0].Name);
        Assert.Equal("done", events[^1].Name);
        Assert.NotEmpty(events[0].Data.GetProperty("sources").EnumerateArray());
        var names = events.Select(e => e.Name).ToList();
        Assert.Equal(names.Where(n => n == "delta"), names.Skip(1).TakeWhile(n => n == "delta"));
        Assert.Equal(names.Where(n => n == "citation"), names.SkipWhile(n => n != "citation").TakeWhile(n => n == "citation"));

        var done = events[^1].Data;
        Assert.Equal("answered", done.GetProperty("status").GetString());
        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.True(deltas.Count > 1, "the answer should arrive in several pieces");
        Assert.Equal(done.GetProperty("answer").GetProperty("text").GetString(), string.Concat(deltas));

        var citations = events.Where(e => e.Name == "citation").Select(e => e.Data.GetRawText()).ToList();
        Assert.Equal(done.GetProperty("citations").EnumerateArray().Select(c => c.GetRawText()), citations);
        Assert.NotEmpty(citations);
    }

    [Fact]
    public async Task StreamingAnswerer_DeltasAreItsSegments_AndDoneHasOnlyVerifiedCitations()
    {
        var answerer = new ScriptedStreamingAnswerer(
            ("Israel und die Ukraine sprachen über Luftverteidigung.", SeedSentence),
            ("Sie vereinbarten eine Mondmission.", "Beide Länder fliegen gemeinsam zum Mond."));
        await using var app = new NewsQaApplication(services: s => s.AddSingleton<IAnswerer>(answerer));
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, SeedQuestion), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ServerSentEvents.ReadAllAsync(response, Ct);

        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Israel und die Ukraine sprachen über Luftverteidigung.", " Sie vereinbarten eine Mondmission."], deltas);
        var done = events[^1].Data;
        Assert.Equal("generative", done.GetProperty("mode").GetString());
        Assert.True(done.GetProperty("hasUnverifiedStatements").GetBoolean());
        var citation = Assert.Single(done.GetProperty("citations").EnumerateArray());
        Assert.Equal(SeedSentence, citation.GetProperty("quote").GetString());
        Assert.Single(events, e => e.Name == "citation");
    }

    [Fact]
    public async Task StreamedTextThatEndsAsNoAnswer_IsReplacedByOneReplaceDelta()
    {
        var answerer = new ScriptedStreamingAnswerer(("Erfundene Aussage.", "Kein solcher Satz steht im Artikel."));
        await using var app = new NewsQaApplication(services: s => s.AddSingleton<IAnswerer>(answerer));
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, SeedQuestion), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ServerSentEvents.ReadAllAsync(response, Ct);

        var deltas = events.Where(e => e.Name == "delta").ToList();
        Assert.Equal(2, deltas.Count);
        Assert.True(deltas[1].Data.GetProperty("replace").GetBoolean());
        var done = events[^1].Data;
        Assert.Equal("no_answer", done.GetProperty("status").GetString());
        Assert.Equal(done.GetProperty("answer").GetProperty("text").GetString(), deltas[1].Data.GetProperty("text").GetString());
        Assert.Empty(done.GetProperty("citations").EnumerateArray());
        Assert.DoesNotContain(events, e => e.Name == "citation");
    }

    [Fact]
    public async Task FailingAnswer_EndsWithAnErrorEventHoldingAProblem()
    {
        await using var app = new NewsQaApplication(services: s => s.AddSingleton<IAnswerer, ThrowingAnswerer>());
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, SeedQuestion), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ServerSentEvents.ReadAllAsync(response, Ct);

        Assert.Equal(["meta", "error"], events.Select(e => e.Name));
        var problem = events[1].Data;
        Assert.Equal(ProblemTypes.Internal, problem.GetProperty("type").GetString());
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("secret internal detail", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientThatGoesAway_CancelsTheAnswer()
    {
        var answerer = new BlockingAnswerer();
        await using var app = new NewsQaApplication(services: s => s.AddSingleton<IAnswerer>(answerer));
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using (var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, SeedQuestion), HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(Ct);
            await using var events = ServerSentEvents.ReadAsync(stream, Ct).GetAsyncEnumerator(Ct);
            Assert.True(await events.MoveNextAsync());
            Assert.Equal("meta", events.Current.Name);
            await answerer.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }

        // Disposing the response closes the connection; the server must notice and cancel the answerer.
        await answerer.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task JsonAsk_StillAnswersWithTheAnswerObject()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.PostAsync(baseUrl + "/api/ask", ServerSentEvents.JsonContent(new { question = SeedQuestion }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("extractive", json.RootElement.GetProperty("mode").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("citations").EnumerateArray());
    }
}
