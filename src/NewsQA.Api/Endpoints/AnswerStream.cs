using NewsQA.Core.Pipeline;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsQA.Api.Errors;
using NewsQA.Core.Answering;

namespace NewsQA.Api.Endpoints;

/// <summary>
/// The ask answer as server-sent events, in the contract's order: <c>meta</c> once retrieval is done,
/// <c>delta</c> pieces of the answer text, one <c>citation</c> each, then <c>done</c> with the whole
/// answer object — or <c>error</c> with a problem object. The request's abort token cancels the work
/// when the reader goes away.
/// A streaming (generative) answerer's text is sent as it is written. Should the final answer differ
/// from what was streamed (all quotes failed verification, or the answerer fell back to extractive),
/// one <c>delta</c> with <c>"replace": true</c> carries the whole final text: deltas since the last
/// replace always join to exactly <c>done.answer.text</c>.
/// </summary>
internal static class AnswerStream
{
    public static bool IsRequested(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext http, AskService ask, AskRequest request, ILogger logger, CancellationToken ct)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(ct);

        try
        {
            var retrieval = await ask.RetrieveAsync(request, ct);
            await SendAsync(response, "meta", new { question = request.Question, standaloneQuestion = retrieval.StandaloneQuestion, language = retrieval.Language, sources = retrieval.Sources, retrieveMs = Math.Round(retrieval.RetrieveMs, 2) }, json, ct);

            var streamed = new System.Text.StringBuilder();
            var answer = await ask.AnswerAsync(
                retrieval,
                async (text, token) =>
                {
                    streamed.Append(text);
                    await SendAsync(response, "delta", new { text }, json, token);
                },
                ct);

            var sent = streamed.ToString();
            if (sent.Length == 0)
            {
                foreach (var piece in Pieces(answer.Answer.Text))
                {
                    await SendAsync(response, "delta", new { text = piece }, json, ct);
                }
            }
            else if (answer.Answer.Text.StartsWith(sent, StringComparison.Ordinal))
            {
                if (answer.Answer.Text.Length > sent.Length)
                {
                    await SendAsync(response, "delta", new { text = answer.Answer.Text[sent.Length..] }, json, ct);
                }
            }
            else
            {
                await SendAsync(response, "delta", new { text = answer.Answer.Text, replace = true }, json, ct);
            }

            foreach (var citation in answer.Citations)
            {
                await SendAsync(response, "citation", citation, json, ct);
            }

            await SendAsync(response, "done", answer, json, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader left: nothing to send to, and the work stops here.
        }
        catch (Exception ex)
        {
            var problem = ProblemMapping.ToProblem(ex, http);
            if (problem.Status >= 500 && problem.Type == ProblemTypes.Internal)
            {
                logger.LogError(ex, "Streaming answer failed");
            }

            await SendAsync(response, "error", problem, json, CancellationToken.None);
        }
    }

    /// <summary>The answer text in word groups, so a reader sees it arrive; joined they give exactly the answer text.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        const int wordsPerPiece = 4;
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words % wordsPerPiece == 0)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static async Task SendAsync<T>(HttpResponse response, string eventName, T data, JsonSerializerOptions json, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(data, json);
        await response.WriteAsync($"event: {eventName}\ndata: {payload}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
