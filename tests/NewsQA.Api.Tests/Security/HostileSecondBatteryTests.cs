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

    /// <summary>
    /// Issue 33 item 12: a body at 1 byte/s is cut by Kestrel's minimum data rate; every endpoint names that a
    /// request-timeout problem with a detail, not "validation" or a bare status. Sent on a raw socket, as a slow client does.
    /// </summary>
    [Theory]
    [InlineData("12 slow body to /api/documents", "/api/documents")]
    [InlineData("12 slow body to /api/search", "/api/search")]
    [InlineData("own slow body to /api/ask", "/api/ask")]
    public async Task SlowBody_Is408RequestTimeoutProblem(string probe, string path)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port, Ct);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {Client.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head), Ct);
        var answer = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        var reading = stream.ReadAsync(buffer, Ct).AsTask();
        for (var i = 0; i < 60 && !reading.IsCompleted; i++)
        {
            try
            {
                await stream.WriteAsync(" "u8.ToArray(), Ct);
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(reading, Task.Delay(1000, Ct));
        }

        var read = await reading.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        answer.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        var text = answer.ToString();

        Assert.True(text.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), $"{probe}: {text}");
        Assert.Contains(ProblemTypes.RequestTimeout, text, StringComparison.Ordinal);
        Assert.Contains("too slowly", text, StringComparison.Ordinal);
        HostileAssert.NoInternals(probe, text, open.Folder);
        HostileAssert.NoStackTraces(open.Api);
    }

    /// <summary>Issue 33 item 11: HEAD answers as GET does, without a body, on health and API reads; the connection stays usable.</summary>
    [Theory]
    [InlineData("11 HEAD /health/live", "/health/live")]
    [InlineData("11 HEAD /health/ready", "/health/ready")]
    [InlineData("11 HEAD /api/documents", "/api/documents")]
    [InlineData("own HEAD /api/documents?limit=1", "/api/documents?limit=1")]
    [InlineData("own HEAD /", "/")]
    public async Task Head_AnswersAsGetWithoutABody(string probe, string path)
    {
        using var get = await Client.GetAsync(path, Ct);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);
        using var after = await Client.GetAsync(path, Ct);

        Assert.True(get.StatusCode == head.StatusCode, $"{probe}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(get.StatusCode, after.StatusCode);
        HostileAssert.NoStackTraces(open.Api);
    }

    /// <summary>HEAD where GET is not allowed stays refused: it is no way around a write's method.</summary>
    [Fact]
    public async Task Head_OnAWriteOnlyAddress_Is405()
    {
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/search"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        HostileAssert.NoStackTraces(open.Api);
    }

    /// <summary>Issue 33 item 13: text or a title of only invisible characters is refused naming the field; nothing is stored.</summary>
    [Theory]
    [InlineData("13 text of only zero-width characters", "{\"text\":\"\\u200b\\u200c\\u200d\\u2060\"}", "text")]
    [InlineData("own text of invisible characters and spaces", "{\"text\":\" \\u200b \\ufeff\\n\\u2060 \"}", "text")]
    [InlineData("own invisible title beside real text", "{\"title\":\"\\u200b\\u200b\",\"text\":\"Die Bahn streikt am Freitag.\"}", "title")]
    public async Task InvisibleOnly_Is400NamingTheField(string probe, string body, string field)
    {
        using var message = ProbeRequest.Parse("POST /api/documents\n" + Json + "\n\n" + body, Client.BaseAddress!);

        using var response = await Client.SendAsync(message, Ct);

        await HostileAssert.AnswersAsync(probe, response, 400, ProblemTypes.Validation, open.Folder);
        await ProblemAssert.NamesFieldAsync(response, field);
        HostileAssert.NoStackTraces(open.Api);
    }
    /// <summary>
    /// Issue 33 item 1 across requests: a second upload whose file name gives a stored upload's id (another extension,
    /// the other spelling of a non-ASCII name's id) is a 409 naming both files; the first document stays readable.
    /// </summary>
    [Theory]
    [InlineData("1 bericht.md after bericht.txt", "sonde-bericht.txt", "sonde-bericht.md", "sonde-bericht")]
    [InlineData("1 東京.md after 東京.txt", "東京-sonde.txt", "東京-sonde.md", "東京-sonde")]
    [InlineData("own NFD spelling is the same file, not a collision", "Öl-sonde.txt", "Öl-sonde.txt", "Öl-sonde")]
    public async Task UploadOfAnotherFileWithATakenId_Is409(string probe, string first, string second, string id)
    {
        async Task<HttpResponseMessage> UploadAsync(string name, string text)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", name);
            return await Client.PostAsync("/api/documents", form, Ct);
        }

        using var created = await UploadAsync(first, "Der Hafen von Hamburg meldet einen Rekord beim Umschlag.");
        using var other = await UploadAsync(second.Normalize(System.Text.NormalizationForm.FormD), "Die Bahn streikt am Montag in ganz Bayern.");
        using var stored = await Client.GetAsync("/api/documents/" + Uri.EscapeDataString(id), Ct);

        await HostileAssert.AnswersAsync(probe, created, 201, null, open.Folder);
        var sameFile = first == second;
        await HostileAssert.AnswersAsync(probe, other, sameFile ? 200 : 409, sameFile ? null : ProblemTypes.Conflict, open.Folder);
        Assert.Contains(sameFile ? "Bayern" : "Hamburg", await stored.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        HostileAssert.NoStackTraces(open.Api);
    }
}
