using NewsQA.Core;
using NewsQA.Core.Search.Query;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace NewsQA.Answering.Generative;

/// <summary>
/// Rewrites a follow-up question into a standalone query with the chat model; on failure, timeout or an
/// implausible reply it falls back to <see cref="KeyTermQueryRewriter"/>.
/// </summary>
public sealed partial class LlmQueryRewriter(
    IChatCompletionService chat,
    KeyTermQueryRewriter fallback,
    IOptions<GenerativeOptions> options,
    ILogger<LlmQueryRewriter> logger) : IQueryRewriter
{
    private const int MaxTurns = 6;
    private const int MaxQueryLength = 400;

    /// <inheritdoc/>
    public async Task<string> RewriteAsync(string question, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken = default)
    {
        var conversation = new StringBuilder("<conversation>\n");
        foreach (var turn in history.TakeLast(MaxTurns))
        {
            conversation.Append(turn.Role.ToWireName()).Append(" said: ").Append(UntrustedText.Neutralise(turn.Content.ReplaceLineEndings(" "))).Append('\n');
        }

        conversation.Append("</conversation>\n\nLast question: ").Append(UntrustedText.Neutralise(question.ReplaceLineEndings(" ")));
        var chatHistory = new ChatHistory(PromptTemplates.RewriteSystem);
        chatHistory.AddUserMessage(conversation.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            var settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 120 };
            var reply = await chat.GetChatMessageContentAsync(chatHistory, settings, kernel: null, timeout.Token).ConfigureAwait(false);
            var rewritten = reply.Content?.Trim().Trim('"', '„', '“').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(rewritten) && rewritten.Length <= MaxQueryLength)
            {
                return rewritten;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(logger, ex);
        }

        return await fallback.RewriteAsync(question, history, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query rewrite by the language model failed; using key terms of the last turn")]
    private static partial void LogFallback(ILogger logger, Exception exception);
}
