using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsQA.Api.Tests.Answering;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Documents;

/// <summary>
/// Web pages through <c>POST/PUT /api/documents</c> as <c>text/html</c>: the seed articles wrapped in the committed
/// site layouts (tests/TestData/html) answer the seed questions exactly as the seeds' text files do, with the same
/// quotes from the same articles.
/// </summary>
public sealed class HtmlIngestTests() : ApiTest(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" })
{
    private static IEnumerable<string> Pages => Directory.GetFiles(Path.Combine(RepoPaths.TestData, "html"), "*.html").Order(StringComparer.Ordinal);

    [Fact]
    public async Task SeedPages_AnswerTheSeedQuestions_WithTheSeedFilesQuotes()
    {
        foreach (var page in Pages)
        {
            var seedId = Path.GetFileNameWithoutExtension(page).Split('-', 2)[1];
            using var body = new ByteArrayContent(await File.ReadAllBytesAsync(page, Ct));
            body.Headers.ContentType = new("text/html") { CharSet = "utf-8" };
            using var response = await Client.PutAsync($"/api/documents/{seedId}", body, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // The seeds' text files, ingested as the API does at start, answer on their own app.
        await using var fromText = new NewsQaApplication();
        using var textClient = fromText.CreateClient();
        foreach (var row in SeedQuestionsTests.Answerable)
        {
            var question = ((ITheoryDataRow)row).GetData()[0] as string ?? string.Empty;
            var expected = await textClient.PostJsonAsync("/api/ask", new { question }, Ct);
            var actual = await Client.PostJsonAsync("/api/ask", new { question }, Ct);

            Assert.Equal(expected["status"]!.GetValue<string>(), actual["status"]!.GetValue<string>());
            Assert.Equal(Quotes(expected), Quotes(actual));
        }
    }

    [Fact]
    public async Task HtmlPage_StoresTheArticle_NotTheMarkup_WithThePagesMetadata()
    {
        using var body = new StringContent(await File.ReadAllTextAsync(Path.Combine(RepoPaths.TestData, "html", "blog-003_b1145628e41e4b68.html"), Ct), Encoding.UTF8, "text/html");

        using var response = await Client.PostAsync("/api/documents", body, Ct);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var document = await Client.GetJsonAsync($"/api/documents/{created["id"]!.GetValue<string>()}", Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Iran: Regierung vereinbart engere Zusammenarbeit mit Russland", document["title"]!.GetValue<string>());
        Assert.Equal("2024-04-30", document["publishedAt"]!.GetValue<string>());
        Assert.Equal("Perspektive Online", document["source"]!.GetValue<string>());
        Assert.Equal("https://perspektive.example/2024/04/30/iran-regierung-vereinbart-engere-zusammenarbeit-mit-russland/", document["url"]!.GetValue<string>());
        var text = document["text"]!.GetValue<string>();
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.All(["Teilen", "Mehr lesen", "Weitere News", "Kommentar", "Startseite"], chrome => Assert.DoesNotContain(chrome, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HtmlPageWithoutArticleText_Is400NamingHtml()
    {
        using var body = new StringContent("<html><body><nav><a href='/'>Start</a></nav></body></html>", Encoding.UTF8, "text/html");

        using var response = await Client.PostAsync("/api/documents", body, Ct);

        await ProblemAssert.NamesFieldAsync(response, "html");
    }

    private static List<string> Quotes(JsonNode answer) =>
        answer["citations"]!.AsArray().Select(c => $"{c!["documentId"]!.GetValue<string>()}: {c["quote"]!.GetValue<string>()}").ToList();
}
