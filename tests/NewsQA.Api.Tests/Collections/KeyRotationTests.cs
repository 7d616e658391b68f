using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Api.Tests.Collections;

/// <summary>
/// Keys rotate without a restart: the service reads its keys through the options monitor, so once the configuration
/// reloads, the old key is refused and the new one holds the old one's rights, on the running service.
/// </summary>
public sealed class KeyRotationTests() : ApiTest(new Dictionary<string, string?>
{
    ["Auth:Keys:0:Key"] = OldKey,
    ["Auth:Keys:0:Read:0"] = "desk",
    ["Auth:Keys:0:Write:0"] = "desk",
})
{
    private const string OldKey = "old-desk-key-0123456789";
    private const string NewKey = "new-desk-key-0123456789";

    [Fact]
    public async Task RotatedKey_AppliesToTheNextRequest()
    {
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(OldKey)).StatusCode);

        var configuration = (IConfigurationRoot)App.Services.GetRequiredService<IConfiguration>();
        configuration["Auth:Keys:0:Key"] = NewKey;
        configuration.Reload();

        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(OldKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(NewKey)).StatusCode);
    }

    private async Task<HttpResponseMessage> PutAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/documents/rotation") { Content = JsonContent.Create(new { text = "Die Redaktion prüft die Rotation.", collection = "desk" }) };
        request.Headers.Add("X-Api-Key", key);
        return await Client.SendAsync(request, Ct);
    }
}
