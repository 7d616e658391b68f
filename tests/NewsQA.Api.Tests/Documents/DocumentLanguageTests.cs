using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Documents;

/// <summary>
/// Each document's language, through the real API on the seeds (German) plus an English article: detected on ingest or
/// taken as sent, returned by documents, lists and search results, and filterable in search and ask.
/// </summary>
public sealed class DocumentLanguageTests : ApiTest
{
    private const string English = "Ukraine and its allies met in Brussels on Monday. The defence ministers promised more air defence systems "
        + "for Ukraine before the winter, and they agreed to build drones together.";

    [Fact]
    public async Task DetectedLanguage_IsReturnedByDocumentsListsAndSearch()
    {
        var created = await Client.PostJsonAsync("/api/documents", new { id = "en-brussels", title = "Allies meet in Brussels", text = English }, Ct);
        Assert.Equal("en", created["language"]!.GetValue<string>());

        var list = await Client.GetJsonAsync("/api/documents", Ct);
        var languages = list["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["language"]!.GetValue<string>());
        Assert.Equal("en", languages["en-brussels"]);
        Assert.Equal(5, languages.Count(l => l.Value == "de"));

        Assert.Equal("en", (await Client.GetJsonAsync("/api/documents/en-brussels", Ct))["language"]!.GetValue<string>());
        var search = await Client.PostJsonAsync("/api/search", new { query = "Ukraine", top = 10 }, Ct);
        var hits = search["results"]!.AsArray();
        Assert.Contains(hits, h => h!["documentId"]!.GetValue<string>() == "en-brussels" && h["language"]!.GetValue<string>() == "en");
        Assert.Contains(hits, h => h!["language"]!.GetValue<string>() == "de");
    }

    [Fact]
    public async Task LanguageFilter_KeepsOnlyThatLanguage_InSearchAndAsk()
    {
        await Client.PostJsonAsync("/api/documents", new { id = "en-brussels", text = English }, Ct);

        foreach (var language in new[] { "en", "de" })
        {
            var search = await Client.PostJsonAsync("/api/search", new { query = "Ukraine", top = 10, filter = new { language } }, Ct);
            var hits = search["results"]!.AsArray();
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(language, h!["language"]!.GetValue<string>()));
        }

        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Where did the allies meet?", filter = new { language = "en" } }, Ct);
        Assert.All(answer["citations"]!.AsArray(), c => Assert.Equal("en-brussels", c!["documentId"]!.GetValue<string>()));
        Assert.All(answer["sources"]!.AsArray(), s => Assert.Equal("en-brussels", s!["documentId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/search", """{"query":"Ukraine","filter":{"language":"deutsch"}}""")]
    [InlineData("/api/ask", """{"question":"Wer?","filter":{"language":"xx"}}""")]
    public async Task UnknownFilterLanguage_Is400NamingTheField(string path, string body)
    {
        using var response = await Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        await ProblemAssert.NamesFieldAsync(response, "filter.language");
    }

    [Fact]
    public async Task ExplicitLanguageOnIngest_WinsOverDetection_AndAnInvalidOneIs400()
    {
        // German text sent as English: the sender knows better (a translation, a quote-heavy piece), and it is kept.
        var created = await Client.PostJsonAsync("/api/documents", new { id = "marked", text = "Die Bahn streikt am Montag in ganz Bayern, und die Pendler sind verärgert.", language = "EN" }, Ct);
        Assert.Equal("en", created["language"]!.GetValue<string>());
        Assert.Equal("en", (await Client.GetJsonAsync("/api/documents/marked", Ct))["language"]!.GetValue<string>());

        // The same article with its language corrected is an update, not "unchanged".
        using var corrected = await Client.PutAsJsonAsync("/api/documents/marked", new { text = "Die Bahn streikt am Montag in ganz Bayern, und die Pendler sind verärgert.", language = "de" }, Ct);
        var body = (await corrected.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("updated", body["status"]!.GetValue<string>());
        Assert.Equal("de", body["language"]!.GetValue<string>());

        using var invalid = await Client.PostAsJsonAsync("/api/documents", new { id = "bad", text = "Die Bahn streikt.", language = "german" }, Ct);
        var problem = await ProblemAssert.NamesFieldAsync(invalid, "language");
        Assert.Contains("ISO 639-1", problem.GetProperty("errors").GetProperty("language")[0].GetString(), StringComparison.Ordinal);
        using var missing = await Client.GetAsync("/api/documents/bad", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
