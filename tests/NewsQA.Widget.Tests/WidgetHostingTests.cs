using NewsQA.Testing;
using System.Net;

namespace NewsQA.Widget.Tests;

/// <summary>The widget script, its demo page, and the CORS allowlist the widget relies on when embedded elsewhere.</summary>
public sealed class WidgetHostingTests
{
    private const string AllowedOrigin = "https://zeitung.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WidgetScriptAndDemoPage_AreServed()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();

        using var script = await http.GetAsync(baseUrl + "/widget.js", Ct);
        var page = await http.GetStringAsync(baseUrl + "/", Ct);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // widget.js loads its parts from beside itself; the last one defines the element.
        var loader = await script.Content.ReadAsStringAsync(Ct);
        foreach (var part in new[] { "strings", "style", "element" })
        {
            Assert.Contains($"'{part}'", loader, StringComparison.Ordinal);
            using var served = await http.GetAsync($"{baseUrl}/widget/{part}.js", Ct);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("text/javascript", served.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("customElements.define('newsqa-chat'", await http.GetStringAsync(baseUrl + "/widget/element.js", Ct), StringComparison.Ordinal);
        Assert.Contains("<newsqa-chat", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script"));
    }

    [Fact]
    public async Task PreflightForJsonPost_FromAnAllowedOrigin_IsAllowed()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Cors:Origins:0"] = AllowedOrigin });
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, baseUrl + "/api/ask")
        {
            Headers = { { "Origin", AllowedOrigin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type,accept" } },
        };

        using var response = await http.SendAsync(preflight, Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("content-type", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StreamingAskAndDocumentFetch_FromAnAllowedOrigin_CarryTheCorsHeader()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Cors:Origins:0"] = AllowedOrigin });
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        using var ask = ServerSentEvents.AskRequest(baseUrl, "Worüber haben die Ukraine und Israel beraten?");
        ask.Headers.Add("Origin", AllowedOrigin);
        using var document = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/api/documents/000_74f70624a5986356") { Headers = { { "Origin", AllowedOrigin } } };

        using var askResponse = await http.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var documentResponse = await http.SendAsync(document, Ct);

        Assert.Equal(AllowedOrigin, Assert.Single(askResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(AllowedOrigin, Assert.Single(documentResponse.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task OriginNotInTheAllowlist_GetsNoCorsHeaders()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Cors:Origins:0"] = AllowedOrigin });
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, baseUrl + "/api/ask")
        {
            Headers = { { "Origin", "https://evil.example" }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type" } },
        };

        using var response = await http.SendAsync(preflight, Ct);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
