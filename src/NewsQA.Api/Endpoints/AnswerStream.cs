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
            await SendAsync(response, "meta", new { question = request.Question, language = retrieval.Language, sources = retrieval.Sources, retrieveMs = Math.Round(retrieval.RetrieveMs, 2) }, json, ct);

            var answer = await ask.AnswerAsync(retrieval, ct);
            foreach (var piece in Pieces(answer))
            {
                await SendAsync(response, "delta", new { text = piece }, json, ct);
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
    private static IEnumerable<string> Pieces(AnswerResult answer)
    {
        var text = answer.Answer.Text;
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
