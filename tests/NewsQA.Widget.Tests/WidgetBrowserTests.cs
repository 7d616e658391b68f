using NewsQA.Testing;
using System.Text.Json;
using Microsoft.Playwright;

namespace NewsQA.Widget.Tests;

/// <summary>The widget in a real browser against the real app: streamed answer, citations, safety, layout.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class WidgetBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SeedQuestion = "Worüber haben die Ukraine und Israel beraten?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AskingASeedQuestion_ShowsTheStreamedAnswerAndACitationFromTheDocument()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/");

        var input = page.GetByLabel("Frage", new() { Exact = true });
        await input.FillAsync(SeedQuestion);
        await input.PressAsync("Enter");
        var citation = page.Locator("newsqa-chat li[data-citation]").First;
        await citation.WaitForAsync(new() { Timeout = 15_000 });

        var answer = await page.Locator("newsqa-chat .a").First.InnerTextAsync();
        Assert.Contains("Luftverteidigung", answer, StringComparison.Ordinal);
        Assert.Equal("false", await page.Locator("newsqa-chat .a").First.GetAttributeAsync("aria-busy"));
        Assert.Equal("polite", await page.Locator("newsqa-chat [role=log]").GetAttributeAsync("aria-live"));

        var quote = await citation.Locator("blockquote").InnerTextAsync();
        using var http = new HttpClient();
        using var documents = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/api/documents", Ct));
        var texts = new List<string>();
        foreach (var item in documents.RootElement.GetProperty("items").EnumerateArray())
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/api/documents/{item.GetProperty("id").GetString()}", Ct));
            texts.Add(doc.RootElement.GetProperty("text").GetString()!);
        }

        Assert.Contains(texts, t => t.Contains(quote, StringComparison.Ordinal));

        // Expanding the citation shows the passage around the quote, the quote marked.
        var toggle = citation.Locator("button.ctxbtn");
        Assert.Equal("Zusammenhang zeigen", await toggle.InnerTextAsync());
        await toggle.ClickAsync();
        await Assertions.Expect(citation.Locator(".ctx mark")).ToHaveTextAsync(quote);
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.Equal("Zusammenhang ausblenden", await toggle.InnerTextAsync());
    }

    [Fact]
    public async Task ACitationOfAStoryCarriedByTwoOutlets_NamesTheOtherInOneLine()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        using var seed = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/api/documents/000_74f70624a5986356", Ct));
        var text = seed.RootElement.GetProperty("text").GetString()!;
        var copy = "Kiew (AFP) – " + text[..text.LastIndexOf("\n\n", StringComparison.Ordinal)];
        using var created = await http.PostAsync(baseUrl + "/api/documents", ServerSentEvents.JsonContent(new { id = "afp-kopie", source = "AFP", publishedAt = "2025-07-02", text = copy }), Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));

        await using var context = await browser.Browser.NewContextAsync();
        var citation = await AskAsync(await context.NewPageAsync(), baseUrl, SeedQuestion);

        // Whichever copy is cited, the line names the other: AFP under the seed, the seed's source under AFP's copy.
        var also = await citation.Locator("p.also").InnerTextAsync();
        var seedSource = seed.RootElement.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "000_74f70624a5986356";
        Assert.StartsWith("Auch berichtet von:", also, StringComparison.Ordinal);
        Assert.True(also.Contains("AFP", StringComparison.Ordinal) || also.Contains(seedSource, StringComparison.Ordinal), also);
        Assert.Equal(1, await citation.Locator("p.also").CountAsync());
    }

    /// <summary>Asks <paramref name="question"/> in the demo page's widget; the first citation once it is shown.</summary>
    private static async Task<ILocator> AskAsync(IPage page, string baseUrl, string question)
    {
        await page.GotoAsync(baseUrl + "/");
        var input = page.GetByLabel("Frage", new() { Exact = true });
        await input.FillAsync(question);
        await input.PressAsync("Enter");
        var citation = page.Locator("newsqa-chat li[data-citation]").First;
        await citation.WaitForAsync(new() { Timeout = 15_000 });
        return citation;
    }

    [Fact]
    public async Task MarkupInADocument_IsShownAsPlainText_AndNothingRuns()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        const string hostile = "Der Bürgermeister von Testhausen eröffnete am Samstag das Freibad <img src=x onerror=\"window.__pwned=1\"> mit <script>window.__pwned=2</script> großem Fest.";
        using var created = await http.PostAsync(baseUrl + "/api/documents", ServerSentEvents.JsonContent(new
        {
            id = "testhausen",
            title = "Freibad <b onmouseover=\"window.__pwned=3\">Testhausen</b>",
            text = hostile + "\n\nDas Freibad in Testhausen hat 50-Meter-Bahnen und eine Rutsche.",
        }), Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/");
        var input = page.GetByLabel("Frage", new() { Exact = true });
        await input.FillAsync("Wann eröffnete der Bürgermeister von Testhausen das Freibad?");
        await input.PressAsync("Enter");
        var citation = page.Locator("newsqa-chat li[data-citation]").First;
        await citation.WaitForAsync(new() { Timeout = 15_000 });
        await citation.GetByRole(AriaRole.Button, new() { Name = "Zusammenhang zeigen" }).ClickAsync();
        await citation.Locator(".ctx mark").WaitForAsync();

        var shown = await page.Locator("newsqa-chat [role=log]").InnerTextAsync();
        Assert.Contains("<img src=x onerror=", shown, StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned=2</script>", shown, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("newsqa-chat [role=log] img, newsqa-chat [role=log] script, newsqa-chat [role=log] b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"));
    }

    [Fact]
    public async Task DemoPage_FitsA360PixelScreen_AndIsSavedAsTheDocsScreenshot()
    {
        await using var app = new NewsQaApplication();
        var baseUrl = app.StartOnLoopback();

        await using (var narrow = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } }))
        {
            var page = await narrow.NewPageAsync();
            await page.GotoAsync(baseUrl + "/");
            await AskAsync(page, SeedQuestion);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360px");
            var input = await page.GetByLabel("Frage", new() { Exact = true }).BoundingBoxAsync();
            Assert.True(input is { Width: > 100 } && input.X + input.Width <= 360);
        }

        await using var wide = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 860 }, DeviceScaleFactor = 1 });
        var demo = await wide.NewPageAsync();
        await demo.GotoAsync(baseUrl + "/");
        await AskAsync(demo, SeedQuestion);
        await demo.Locator("newsqa-chat li[data-citation]").First.GetByRole(AriaRole.Button, new() { Name = "Zusammenhang zeigen" }).ClickAsync();
        await demo.Locator("newsqa-chat .ctx mark").First.WaitForAsync();
        await demo.GetByLabel("Frage", new() { Exact = true }).FocusAsync();

        // The widget page's screenshot (docs/widget.md) is refreshed only on request (NEWSQA_UPDATE_SCREENSHOT=1), so a test run never dirties the tree.
        var path = Environment.GetEnvironmentVariable("NEWSQA_UPDATE_SCREENSHOT") == "1"
            ? Path.Combine(RepoPaths.Root, "docs", "widget.png")
            : Path.Combine(Path.GetTempPath(), $"newsqa-widget-{Guid.NewGuid():N}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await demo.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var input = page.GetByLabel("Frage", new() { Exact = true });
        await input.FillAsync(question);
        await input.PressAsync("Enter");
        await page.Locator("newsqa-chat li[data-citation]").First.WaitForAsync(new() { Timeout = 15_000 });
    }
}
