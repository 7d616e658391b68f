using System.Text.Json;

namespace NewsQA.Widget.Tests;

public sealed record ServerSentEvent(string Name, JsonElement Data);

/// <summary>Reads <c>event:</c>/<c>data:</c> blocks from a response stream, as a browser's SSE parser would.</summary>
public static class ServerSentEvents
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return new ServerSentEvent(name ?? "message", JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone());
                }

                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart(' '));
            }
        }
    }

    public static async Task<List<ServerSentEvent>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var e in ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    public static HttpRequestMessage AskRequest(string baseUrl, string question) =>
        new(HttpMethod.Post, baseUrl + "/api/ask")
        {
            Content = JsonContent(new { question }),
            Headers = { { "Accept", "text/event-stream" } },
        };

    public static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
