using NewsQA.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NewsQA.Api.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task SeededAppIsReadyAndListsSeeds()
    {
        await using var app = new NewsQaApplication();
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var ready = await client.GetAsync("/health/ready", ct);
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/documents", ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(list.GetProperty("items").GetArrayLength() > 0);
    }
}
