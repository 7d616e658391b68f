using System.Text.Json;
using Microsoft.Playwright;
using NewsQA.Testing;

namespace NewsQA.Widget.Tests;

/// <summary>
/// Issue 35 in Chromium: a widget with the <c>collection</c> attribute asks that collection and shows its quotes and
/// their context only; one pointed at a collection that is not public shows the refusal, and nothing of it.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class WidgetCollectionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AdminKey = "widget-admin-key-0123";
    private const string DeskText = "Die Redaktion meldet: Die Luftverteidigung der Ukraine erhält neue Systeme aus Kanada. Die Lieferung beginnt im Herbst.";
    private const string SecretText = "Vertraulich: Die Luftverteidigung der Ukraine erhält Systeme aus Norwegen. Niemand darf davon wissen.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectionAttribute_AsksAndQuotesThatCollectionOnly()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Auth:ApiKey"] = AdminKey,
            ["Collections:Public:0"] = "default",
            ["Collections:Public:1"] = "desk",
        });
        var baseUrl = app.StartOnLoopback();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        foreach (var (collection, text) in new[] { ("desk", DeskText), ("secret", SecretText) })
        {
            using var put = await http.PutAsync($"{baseUrl}/api/documents/luftverteidigung", ServerSentEvents.JsonContent(new { text, collection }), Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/");
        await page.EvaluateAsync("() => document.querySelector('newsqa-chat').setAttribute('collection', 'desk')");
        var input = page.GetByLabel("Frage", new() { Exact = true });
        await input.FillAsync("Woher erhält die Ukraine neue Systeme für die Luftverteidigung?");
        await input.PressAsync("Enter");
        var citation = page.Locator("newsqa-chat li[data-citation]").First;
        await citation.WaitForAsync(new() { Timeout = 15_000 });

        var quote = await citation.Locator("blockquote").InnerTextAsync();
        Assert.Contains(quote, DeskText, StringComparison.Ordinal);
        await citation.GetByRole(AriaRole.Button, new() { Name = "Zusammenhang zeigen" }).ClickAsync();
        await Assertions.Expect(citation.Locator(".ctx mark")).ToHaveTextAsync(quote);
        var shown = await page.Locator("newsqa-chat [role=log]").InnerTextAsync();
        Assert.DoesNotContain("Norwegen", shown, StringComparison.Ordinal);

        // The same widget pointed at a collection that is not public: the service's refusal, none of its text.
        await page.EvaluateAsync("() => document.querySelector('newsqa-chat').setAttribute('collection', 'secret')");
        await input.FillAsync("Woher erhält die Ukraine Systeme aus Norwegen?");
        await input.PressAsync("Enter");
        var refusal = page.Locator("newsqa-chat .a .err").Last;
        await refusal.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("needs an API key", await refusal.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Vertraulich", await page.Locator("newsqa-chat [role=log]").InnerTextAsync(), StringComparison.Ordinal);
    }
}
