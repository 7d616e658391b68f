using System.Net;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// The probes of the second hostile battery (issue 33) against a real API process, beside
/// <see cref="HostileRequestTests"/>: each row is a request as written on the wire, its status and problem type, the
/// field its problem names, and a word its message must hold; nothing internal in the answer and no stack trace in
/// the process's log. Row names start with the item number ("own" for variants of our own).
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostileSecondBatteryTests(OpenInstance open) : IClassFixture<OpenInstance>
{
    private const string Json = "Content-Type: application/json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => open.Api.Client;

    [Theory]
    [InlineData("4 lone surrogate in a document's text", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Ein Satz \\ud800 mit Loch.\"}", "text")]
    [InlineData("4 lone surrogate in a document's title", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Ein Satz.\",\"title\":\"\\udfff\"}", "title")]
    [InlineData("own lone surrogate in a PUT document's source", "PUT /api/documents/quelle\n" + Json + "\n\n{\"text\":\"Ein Satz.\",\"source\":\"x\\ud800\"}", "source")]
    [InlineData("19 lone surrogate in a search query", "POST /api/search\n" + Json + "\n\n{\"query\":\"Bahn \\ud800\"}", "query")]
    [InlineData("19 lone surrogate in a question", "POST /api/ask\n" + Json + "\n\n{\"question\":\"Wer \\udc00?\"}", "question")]
    public async Task LoneSurrogate_Is400NamingTheFieldAndSayingWhy(string probe, string request, string field)
    {
        using var message = ProbeRequest.Parse(request, Client.BaseAddress!);

        using var response = await Client.SendAsync(message, Ct);

        await HostileAssert.AnswersAsync(probe, response, 400, ProblemTypes.Validation, open.Folder);
        var problem = await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Contains("surrogate", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        HostileAssert.NoStackTraces(open.Api);
    }
}
