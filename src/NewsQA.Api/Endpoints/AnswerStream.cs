using NewsQA.Core.Answer;
using System.Net.ServerSentEvents;
using System.Threading.Channels;
using NewsQA.Api.Errors;

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

    /// <summary>
    /// The events for ASP.NET Core's typed server-sent-events result. The answerer pushes its text through a
    /// callback while the result pulls events, so a channel joins the two; <paramref name="ct"/> (the request's
    /// abort token) stops the work when the reader goes away.
    /// </summary>
    public static IAsyncEnumerable<SseItem<object>> Events(HttpContext http, AskService ask, AskRequest request, string collection, ILogger logger, CancellationToken ct)
    {
        var channel = Channel.CreateUnbounded<SseItem<object>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                await ProduceAsync(channel.Writer, http, ask, request, collection, logger, ct);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        return channel.Reader.ReadAllAsync(ct);
    }

    private static async Task ProduceAsync(ChannelWriter<SseItem<object>> events, HttpContext http, AskService ask, AskRequest request, string collection, ILogger logger, CancellationToken ct)
    {
        ValueTask SendAsync(string eventName, object data) => events.WriteAsync(new SseItem<object>(data, eventName), CancellationToken.None);
        try
        {
            var retrieval = await ask.RetrieveAsync(request, ct);
            await SendAsync("meta", new { question = request.Question, standaloneQuestion = retrieval.StandaloneQuestion, language = retrieval.Language, interpretation = retrieval.Interpretation, sources = retrieval.Sources.ForWire(), collection, retrieveMs = Math.Round(retrieval.RetrieveMs, 2) });

            var streamed = new System.Text.StringBuilder();
            var answered = await ask.AnswerAsync(
                retrieval,
                async (text, token) =>
                {
                    streamed.Append(text);
                    await SendAsync("delta", new { text });
                },
                ct);
            var answer = answered.ForWire(collection);

            var sent = streamed.ToString();
            if (sent.Length == 0)
            {
                foreach (var piece in Pieces(answer.Answer.Text))
                {
                    await SendAsync("delta", new { text = piece });
                }
            }
            else if (answer.Answer.Text.StartsWith(sent, StringComparison.Ordinal))
            {
                if (answer.Answer.Text.Length > sent.Length)
                {
                    await SendAsync("delta", new { text = answer.Answer.Text[sent.Length..] });
                }
            }
            else
            {
                await SendAsync("delta", new { text = answer.Answer.Text, replace = true });
            }

            foreach (var citation in answer.Citations)
            {
                await SendAsync("citation", citation);
            }

            await SendAsync("done", answer);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader left: nothing to send to, and the work stops here.
        }
        catch (Exception ex)
        {
            // Once the stream has started its status is 200: the error is an event carrying the same problem object.
            await SendAsync("error", ProblemMapping.ToProblem(ex, http, logger));
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
}
