using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Extractive;

namespace NewsQA.Answering.Generative;

/// <summary>
/// Writes answers with a chat model through Semantic Kernel, grounded only in the retrieved passages:
/// each sentence comes with the passage number(s) and verbatim quotes that support it, which become
/// draft citations for the verifier. The model's output streams sentence by sentence. When the model
/// fails, times out (<see cref="GenerativeOptions.TimeoutSeconds"/>) or answers in a shape that cannot be
/// read, the extractive answer is given instead, with the reason.
/// </summary>
public sealed partial class GenerativeAnswerer(
    IChatCompletionService chat,
    ExtractiveAnswerer fallback,
    IOptions<GenerativeOptions> options,
    ILogger<GenerativeAnswerer> logger) : IStreamingAnswerer
{
    public AnswerMode Mode => AnswerMode.Generative;

    /// <inheritdoc/>
    public Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default) =>
        AnswerAsync(context, static (_, _) => Task.CompletedTask, cancellationToken);

    /// <inheritdoc/>
    public async Task<AnswerDraft> AnswerAsync(AnswerContext context, Func<string, CancellationToken, Task> onSegment, CancellationToken cancellationToken = default)
    {
        if (context.Passages.Count == 0)
        {
            return AnswerDraft.None("No passage was retrieved.", mode: AnswerMode.Generative);
        }

        var o = options.Value;
        var parser = new AnswerLineParser(context.Passages);
        var settings = new OpenAIPromptExecutionSettings { Temperature = o.Temperature, MaxTokens = o.MaxTokens };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            await foreach (var update in chat.GetStreamingChatMessageContentsAsync(AnswerPrompt.Build(context), settings, kernel: null, timeout.Token).ConfigureAwait(false))
            {
                foreach (var segment in parser.Push(update.Content))
                {
                    await onSegment(segment.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var segment in parser.Complete())
            {
                await onSegment(segment.Text, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(logger, "timeout", null);
            return await FallbackAsync(context, $"the language model did not answer within {o.TimeoutSeconds} s", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Whatever the endpoint did (refused, 500, malformed stream), the reader still gets an answer.
            LogFallback(logger, "error", ex);
            return await FallbackAsync(context, "the language model could not be reached or failed", cancellationToken).ConfigureAwait(false);
        }

        if (parser.NoAnswer)
        {
            return AnswerDraft.None("The language model found no answer in the retrieved passages.", mode: AnswerMode.Generative);
        }

        if (parser.Segments.Count == 0)
        {
            LogFallback(logger, "unparsable output", null);
            return await FallbackAsync(context, "the language model's output could not be read", cancellationToken).ConfigureAwait(false);
        }

        var supported = parser.Segments.Count(s => s.Quotes.Count > 0);
        return new AnswerDraft(true, parser.Segments, (double)supported / parser.Segments.Count, Mode: AnswerMode.Generative);
    }

    private async Task<AnswerDraft> FallbackAsync(AnswerContext context, string why, CancellationToken cancellationToken)
    {
        var draft = await fallback.AnswerAsync(context, cancellationToken).ConfigureAwait(false);
        var note = $"Extractive answer: {why}.";
        return draft with { Reason = draft.Reason is null ? note : $"{note} {draft.Reason}", Mode = AnswerMode.Extractive };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generative answer failed ({Failure}); falling back to the extractive answer")]
    private static partial void LogFallback(ILogger logger, string failure, Exception? exception);
}
