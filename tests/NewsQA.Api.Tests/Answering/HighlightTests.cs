using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// The answer's one name, number, date or place (`highlight`, issue 14 item 5) through the real API on the seeds: it
/// names what was asked, sits inside the quote it belongs to, and is the article's own text at its span.
/// </summary>
public sealed class HighlightTests : ApiTest
{
    [Fact]
    public async Task PersonQuestion_HighlightsTheNameInsideItsQuote_NotTheNounBeforeIt()
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Wer ist der ukrainische Verteidigungsminister?" }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "answered", answer.ToJsonString());
        var highlight = answer["highlight"]!;
        // The quote reads "… mit seinem ukrainischen Amtskollegen Rustem Umjerow": the reader wants the name alone.
        Assert.Equal("Rustem Umjerow", highlight["text"]!.GetValue<string>());

        var citation = answer["citations"]!.AsArray().Single(c => c!["id"]!.GetValue<int>() == highlight["citationId"]!.GetValue<int>())!;
        var (start, end) = (highlight["span"]!["start"]!.GetValue<int>(), highlight["span"]!["end"]!.GetValue<int>());
        var (quoteStart, quoteEnd) = (citation["span"]!["start"]!.GetValue<int>(), citation["span"]!["end"]!.GetValue<int>());
        Assert.InRange(start, quoteStart, end);
        Assert.InRange(end, start, quoteEnd);
        Assert.Equal("Rustem Umjerow", citation["quote"]!.GetValue<string>()[(start - quoteStart)..(end - quoteStart)]);

        var document = await Client.GetJsonAsync($"/api/documents/{citation["documentId"]!.GetValue<string>()}", Ct);
        Assert.Equal("Rustem Umjerow", document["text"]!.GetValue<string>()[start..end]);
    }

    [Fact]
    public async Task QuestionAnsweredByAList_HighlightsNothing()
    {
        // Five countries answer it; marking one of them would tell the reader less than the quote.
        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Welche Länder wollen sich der Initiative anschließen?" }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "answered", answer.ToJsonString());
        Assert.Contains("Belgien, Estland, Italien, Schweden und die Türkei", answer["answer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(answer["highlight"] is null, answer.ToJsonString());
    }
}
