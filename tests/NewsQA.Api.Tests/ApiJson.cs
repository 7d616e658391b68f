using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests;

/// <summary>Small helpers to call the API and read its JSON as a client would, without the server's types.</summary>
internal static class ApiJson
{
    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static string Slice(string text, JsonNode span)
    {
        var start = span["start"]!.GetValue<int>();
        var end = span["end"]!.GetValue<int>();
        return text.Substring(start, end - start);
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
