using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsQA.Testing.Fakes;

/// <summary>One chat completion request as the fake received it.</summary>
public sealed record FakeChatRequest(string Model, bool Stream, IReadOnlyList<FakeChatMessage> Messages)
{
    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    public string User => Messages.Last(m => m.Role == "user").Content;
}

public sealed record FakeChatMessage(string Role, string Content);

/// <summary>
/// A fake OpenAI-compatible server: real HTTP on a loopback port, <c>POST /v1/chat/completions</c> with and
/// without <c>stream: true</c>. Tests script the reply (and a delay or a failure) and read the requests it got.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeChatRequest> requests = new();
    private WebApplication app = null!;

    /// <summary>Base URL as configured in <c>Llm:Endpoint</c> (ends in <c>/v1</c>).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The assistant's reply to a request; streamed in small pieces when the request asks for a stream.</summary>
    public Func<FakeChatRequest, string> Reply { get; set; } = _ => "";

    /// <summary>Wait before answering (to provoke the client's timeout).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, answer with this status code and an OpenAI-style error body.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public IReadOnlyList<FakeChatRequest> Requests => requests.ToArray();

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new FakeOpenAiServer();
        (server.app, var baseUri) = await Hosting.LoopbackHost.StartAsync(a => a.MapPost("/v1/chat/completions", server.HandleAsync), cancellationToken);
        server.Endpoint = baseUri + "v1";
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var messages = body!["messages"]!.AsArray()
            .Select(m => new FakeChatMessage(m!["role"]!.GetValue<string>(), ContentOf(m["content"])))
            .ToList();
        var request = new FakeChatRequest(body["model"]?.GetValue<string>() ?? "", body["stream"]?.GetValue<bool>() ?? false, messages);
        requests.Enqueue(request);

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (FailWith is { } status)
        {
            http.Response.StatusCode = (int)status;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error" } });
            return;
        }

        var reply = Reply(request);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!request.Stream)
        {
            await http.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion",
                created,
                model = request.Model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            });
            return;
        }

        http.Response.ContentType = "text/event-stream";
        const int piece = 7;
        for (var i = 0; i < reply.Length; i += piece)
        {
            var chunk = new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion.chunk",
                created,
                model = request.Model,
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = reply.Substring(i, Math.Min(piece, reply.Length - i)) }, finish_reason = (string?)null } },
            };
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        var last = new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion.chunk",
            created,
            model = request.Model,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
        };
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(last)}\n\ndata: [DONE]\n\n", http.RequestAborted);
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
