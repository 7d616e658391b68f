using System.Net;
using System.Net.Http.Json;
using System.Text;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Security;

/// <summary>The open instance of the hostile-input battery: the default configuration, rate limit off, no key.</summary>
public sealed class OpenInstance : ApiProcessFixture
{
    protected override IReadOnlyDictionary<string, string> Settings(string folder) => new Dictionary<string, string>();
}

/// <summary>
/// Hostile requests against a real API process on 127.0.0.1 without a key, one row per probe: cross-site writes,
/// errors under any Accept header, charsets, field limits, framework text, odd URLs, a race, random bodies. Each
/// checks the status, the problem it carries, that the answer shows nothing internal, and that the process logged
/// no stack trace. The in-process tests beside this class (CrossSiteWriteTests, ErrorsUnderAnyAcceptTests, ...)
/// check the same rules in more variants; these show them hold on the wire, in the process a reader meets.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class HostileRequestTests(OpenInstance open) : IClassFixture<OpenInstance>
{
    /// <summary>A multipart upload as a hostile page would send it: no preflight needed.</summary>
    private const string AttackerForm =
        "--x\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n000_74f70624a5986356\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
        + "Der Angreifer behauptet, die Erde sei eine Scheibe.\r\n--x--\r\n";

    private const string Json = "Content-Type: application/json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => open.Api.Client;

    public static TheoryData<string, string, int, string?> LongTargets => new()
    {
        { "15 20 KB cursor", "GET /api/documents?cursor=" + new string('A', 20_000), 414, ProblemTypes.UriTooLong },
    };

    [Theory]
    [InlineData("1 multipart write, Origin evil + Sec-Fetch-Site cross-site", "POST /api/documents\nOrigin: https://evil.example\nSec-Fetch-Site: cross-site\nContent-Type: multipart/form-data; boundary=x\n\n" + AttackerForm, 403, ProblemTypes.Forbidden)]
    [InlineData("1 text/plain write, Origin evil", "POST /api/documents\nOrigin: https://evil.example\nContent-Type: text/plain\n\nDie Erde ist eine Scheibe.", 403, ProblemTypes.Forbidden)]
    [InlineData("1 PUT, Sec-Fetch-Site same-site", "PUT /api/documents/x1\nSec-Fetch-Site: same-site\n" + Json + "\n\n{\"text\":\"Ein Satz.\"}", 403, ProblemTypes.Forbidden)]
    [InlineData("1 DELETE, Origin null", "DELETE /api/documents/x1\nOrigin: null", 403, ProblemTypes.Forbidden)]
    [InlineData("1 DNS rebinding: Host evil.example", "POST /api/documents\nHost: evil.example\n" + Json + "\n\n{\"text\":\"Ein Satz.\"}", 403, ProblemTypes.Forbidden)]
    [InlineData("1 Host 127.1 (numeric trick)", "POST /api/documents\nHost: 127.1\n" + Json + "\n\n{\"text\":\"Ein Satz.\"}", 403, ProblemTypes.Forbidden)]
    [InlineData("1 same-origin page write", "POST /api/documents\nOrigin: {origin}\nSec-Fetch-Site: same-origin\n" + Json + "\n\n{\"id\":\"same\",\"text\":\"Die Bahn streikt am Montag.\"}", 201, null)]
    [InlineData("1 local tool (curl) write", "POST /api/documents\n" + Json + "\n\n{\"id\":\"curl\",\"text\":\"Die Bahn streikt am Dienstag.\"}", 201, null)]
    [InlineData("2 malformed JSON, Accept event-stream", "POST /api/ask\nAccept: text/event-stream\n" + Json + "\n\n{\"question\": ", 400, ProblemTypes.MalformedJson)]
    [InlineData("2 validation problem, Accept event-stream", "POST /api/ask\nAccept: text/event-stream\n" + Json + "\n\n{\"question\":\"\"}", 400, ProblemTypes.Validation)]
    [InlineData("2 unknown route, Accept image/png", "GET /api/nothing\nAccept: image/png", 404, ProblemTypes.NotFound)]
    [InlineData("3 search, charset=bogus", "POST /api/search\nContent-Type: application/json; charset=bogus\n\n{\"query\":\"Bahn\"}", 415, ProblemTypes.UnsupportedMediaType)]
    [InlineData("3 ask, charset=bogus", "POST /api/ask\nContent-Type: application/json; charset=bogus\n\n{\"question\":\"Wer?\"}", 415, ProblemTypes.UnsupportedMediaType)]
    [InlineData("3 documents, charset=iso-8859-1", "POST /api/documents\nContent-Type: text/plain; charset=iso-8859-1\n\nEin Satz.", 415, ProblemTypes.UnsupportedMediaType)]
    [InlineData("11 url javascript:alert(1)", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Die Bahn streikt.\",\"url\":\"javascript:alert(1)\"}", 400, ProblemTypes.Validation)]
    [InlineData("11 url data:text/html,x", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Die Bahn streikt.\",\"url\":\"data:text/html,x\"}", 400, ProblemTypes.Validation)]
    [InlineData("11 url vbscript:x", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Die Bahn streikt.\",\"url\":\"vbscript:x\"}", 400, ProblemTypes.Validation)]
    [InlineData("11 url file:///etc/passwd", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Die Bahn streikt.\",\"url\":\"file:///etc/passwd\"}", 400, ProblemTypes.Validation)]
    [InlineData("11 url kein-link", "POST /api/documents\n" + Json + "\n\n{\"text\":\"Die Bahn streikt.\",\"url\":\"kein-link\"}", 400, ProblemTypes.Validation)]
    [InlineData("14 top of the wrong type", "POST /api/search\n" + Json + "\n\n{\"query\":\"Bahn\",\"top\":\"viele\"}", 400, ProblemTypes.Validation)]
    [InlineData("14 null body", "POST /api/search\n" + Json + "\n\nnull", 400, ProblemTypes.Validation)]
    [InlineData("14 limit=abc", "GET /api/documents?limit=abc", 400, ProblemTypes.Validation)]
    [InlineData("15 %00 in the query (cursor=a%00b)", "GET /api/documents?cursor=a%00b", 400, ProblemTypes.Validation)]
    [InlineData("17 one-line breaking news", "POST /api/documents\nContent-Type: text/plain\n\nEilmeldung: Erdbeben der Stärke 7 erschüttert Tokio", 201, null)]
    [MemberData(nameof(LongTargets))]
    public async Task Probe_GetsItsStatusAndProblem_WithNothingInternal(string probe, string request, int status, string? problemType)
    {
        using var message = ProbeRequest.Parse(request, Client.BaseAddress!);

        using var response = await Client.SendAsync(message, Ct);

        await HostileAssert.AnswersAsync(probe, response, status, problemType, open.Folder);
        HostileAssert.NoStackTraces(open.Api);
    }

    /// <summary>What Kestrel refuses while it parses the request, before any middleware: its own empty answer, which no app can shape.</summary>
    public static TheoryData<string, string, int> KestrelRefusals => new()
    {
        { "15 %00 in the path", "/api/documents/a%00b", 400 },
        { "15 70 KB request line (over the raised 64 KiB limit)", "/api/documents?cursor=" + new string('A', 70_000), 414 },
    };

    [Theory]
    [MemberData(nameof(KestrelRefusals))]
    public async Task RefusedByKestrelBeforeTheApp_IsItsEmptyAnswer(string probe, string target, int status)
    {
        using var response = await Client.GetAsync(target, Ct);

        Assert.True(status == (int)response.StatusCode, $"{probe}: expected {status}, got {(int)response.StatusCode}");
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task RefusedCrossSiteWrite_LeavesNothingForAskToCite()
    {
        using var attack = ProbeRequest.Parse("POST /api/documents\nOrigin: https://evil.example\nSec-Fetch-Site: cross-site\nContent-Type: multipart/form-data; boundary=x\n\n" + AttackerForm, Client.BaseAddress!);
        using var refused = await Client.SendAsync(attack, Ct);
        using var fact = await Client.PostAsJsonAsync("/api/documents", new { id = "erde", text = "Die Erde ist rund, sagen die Geografen." }, Ct);

        using var ask = await Client.PostAsJsonAsync("/api/ask", new { question = "Ist die Erde eine Scheibe?" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fact.StatusCode);
        var answer = await HostileAssert.AnswersAsync("1 ask cites no attacker text", ask, 200, null, open.Folder);
        Assert.DoesNotContain("Scheibe", answer, StringComparison.Ordinal);
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task BodyOverTheDefaultLimit_UnderAnEventStreamAccept_Is413Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = new StringContent($$"""{"question":"{{new string('a', 6 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        // As curl sends a large body: the server answers 413 before any of it is sent, instead of closing mid-upload.
        request.Headers.ExpectContinue = true;

        using var response = await Client.SendAsync(request, Ct);

        await HostileAssert.AnswersAsync("2 6 MB body, Accept event-stream", response, 413, ProblemTypes.TooLarge, open.Folder);
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task FourMegabyteTitle_Is400NamingTitle()
    {
        using var response = await Client.PostAsJsonAsync("/api/documents", new { title = new string('T', 4_000_000), text = "Die Bahn streikt am Montag." }, Ct);

        await HostileAssert.AnswersAsync("8 4 MB title", response, 400, ProblemTypes.Validation, open.Folder);
        await ProblemAssert.NamesFieldAsync(response, "title");
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task TenConcurrentPutsOfANewId_CreateItOnce()
    {
        var puts = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await Client.PutAsJsonAsync("/api/documents/race", new { text = "Die Bahn streikt am Mittwoch." }, Ct);
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(puts);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
        HostileAssert.NoStackTraces(open.Api);
    }

    [Theory]
    [InlineData("18 OpenAPI with Host evil.example", "GET /openapi/v1.json\nHost: evil.example")]
    [InlineData("18 OpenAPI with X-Forwarded-Host evil.example", "GET /openapi/v1.json\nHost: localhost:1\nX-Forwarded-Host: evil.example")]
    public async Task OpenApi_EchoesNoHostTheClientSent(string probe, string request)
    {
        using var message = ProbeRequest.Parse(request, Client.BaseAddress!);

        using var response = await Client.SendAsync(message, Ct);
        var document = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe}: {(int)response.StatusCode}");
        Assert.False(document.Contains("evil.example", StringComparison.Ordinal), $"{probe}: the document echoes the host");
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task Widget_CarriesNosniffAndAContentSecurityPolicy()
    {
        using var response = await Client.GetAsync("/widget.js", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Content-Security-Policy").Single());
        HostileAssert.NoStackTraces(open.Api);
    }

    [Fact]
    public async Task RandomBinaryBodies_NeverGet5xx_OnlyProblems()
    {
        var random = new Random(1207);
        string[] paths = ["/api/search", "/api/ask", "/api/documents"];
        for (var i = 0; i < 120; i++)
        {
            var bytes = new byte[random.Next(1, 301)];
            random.NextBytes(bytes);
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

            using var response = await Client.PostAsync(paths[i % paths.Length], content, Ct);

            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{paths[i % paths.Length]} answered {status} to {Convert.ToHexString(bytes)}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                HostileAssert.NoInternals("own: random binary body", await response.Content.ReadAsStringAsync(Ct), open.Folder);
            }
        }

        HostileAssert.NoStackTraces(open.Api);
    }
}
