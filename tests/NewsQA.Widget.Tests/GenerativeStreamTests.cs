using NewsQA.Testing;
using System.Text.Json;
using NewsQA.Testing.Fakes;

namespace NewsQA.Widget.Tests;

/// <summary>The API configured with <c>Llm:*</c> against the fake model: the model's sentences stream as deltas.</summary>
public sealed class GenerativeStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithLlmEndpoint_ModelSentencesStreamAsDeltas_AndDoneIsGenerativeWithVerifiedCitations()
    {
        await using var fake = await FakeOpenAiServer.StartAsync(Ct);
        fake.Reply = _ => """
            {"sentence": "Es ging um die Luftverteidigung der Ukraine [1].", "quotes": [{"passage": 1, "quote": "über eine Stärkung der ukrainischen Luftverteidigung beraten"}]}
            {"sentence": "Auch Drohnen wurden genannt [1].", "quotes": [{"passage": 1, "quote": "Drohnen aus dem Weltall"}]}
            """;
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Llm:Endpoint"] = fake.Endpoint, ["Llm:Model"] = "fake-model" });
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var response = await http.SendAsync(ServerSentEvents.AskRequest(baseUrl, "Worüber haben die Ukraine und Israel beraten?"), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ServerSentEvents.ReadAllAsync(response, Ct);
        using var ready = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/health/ready", Ct));

        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Es ging um die Luftverteidigung der Ukraine.", " Auch Drohnen wurden genannt."], deltas);
        var done = events[^1].Data;
        Assert.Equal("done", events[^1].Name);
        Assert.Equal("generative", done.GetProperty("mode").GetString());
        Assert.True(done.GetProperty("hasUnverifiedStatements").GetBoolean());
        var citation = Assert.Single(done.GetProperty("citations").EnumerateArray());
        Assert.Equal("über eine Stärkung der ukrainischen Luftverteidigung beraten", citation.GetProperty("quote").GetString());
        Assert.Contains("fake-model", ready.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
