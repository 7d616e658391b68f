using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsQA.Core.Answer;

namespace NewsQA.Answering.Generative;

/// <summary>
/// The chat for one answer: the fixed rules as the system message; the retrieved passages, numbered
/// [1]..[n] inside one <c>&lt;passages&gt;</c> data block, and the question as the user message.
/// Article text appears nowhere else.
/// </summary>
internal static class AnswerPrompt
{
    public static ChatHistory Build(AnswerContext context)
    {
        var language = PromptTemplates.LanguageName(context.Language);
        var chat = new ChatHistory(PromptTemplates.AnswerSystem.Replace("{{language}}", language, StringComparison.Ordinal));
        var user = PromptTemplates.AnswerUser
            .Replace("{{passages}}", Passages(context), StringComparison.Ordinal)
            .Replace("{{question}}", UntrustedText.Neutralise(OneLine(context.Question)), StringComparison.Ordinal);
        chat.AddUserMessage(user);
        return chat;
    }

    private static string Passages(AnswerContext context)
    {
        var block = new StringBuilder();
        for (var i = 0; i < context.Passages.Count; i++)
        {
            var hit = context.Passages[i].Hit;
            var date = hit.Document.PublishedAt?.ToString() ?? "unknown";
            block.Append(CultureInfo.InvariantCulture, $"<passage n=\"{i + 1}\" title=\"{WebUtility.HtmlEncode(UntrustedText.Neutralise(OneLine(hit.Document.Title)))}\" date=\"{date}\">\n");
            block.Append(UntrustedText.Neutralise(hit.Chunk.Text).Trim());
            block.Append("\n</passage>\n");
        }

        return block.ToString().TrimEnd();
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
