using NewsQA.Core.Answer;
using NewsQA.Core.Search.Retrieval;
using System.ComponentModel;
using Microsoft.SemanticKernel;
using NewsQA.Core.Storage;

namespace NewsQA.Answering.Generative.SemanticKernel;

/// <summary>
/// NewsQA's retrieval and cited answers as Semantic Kernel functions, so an agent built on a kernel can
/// search the news archive and quote it. Results carry document ids and exact spans, like the HTTP API.
/// </summary>
public sealed class NewsQaPlugin(Retriever retriever, AskService ask)
{
    public const string Name = "newsqa";

    [KernelFunction("search_news")]
    [Description("Searches the news archive (German first) and returns the best passages with document id, title, date and their exact text.")]
    public async Task<IReadOnlyList<NewsPassage>> SearchAsync(
        [Description("What to look for, in plain language")] string query,
        [Description("How many passages to return, 1 to 20")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        var result = await retriever.SearchAsync(new SearchRequest(query, Math.Clamp(top, 1, 20), SearchMode.Hybrid, SearchFilter.None), cancellationToken).ConfigureAwait(false);
        return result.Passages
            .Select(p => new NewsPassage(p.Hit.Chunk.DocumentId, p.Hit.Document.Title, p.Hit.Document.PublishedAt?.ToString(), p.Hit.Chunk.Text, p.Hit.Chunk.Span.Start, p.Hit.Chunk.Span.End))
            .ToList();
    }

    [KernelFunction("ask_news")]
    [Description("Answers a question from the news archive with verified quotes; says so when the archive holds no answer.")]
    public async Task<AnswerResult> AskAsync(
        [Description("The question")] string question,
        CancellationToken cancellationToken = default) =>
        await ask.AskAsync(new AskRequest(question, null, SearchFilter.None, []), cancellationToken).ConfigureAwait(false);
}

/// <summary>A passage as the plugin returns it: where it is, and its exact text.</summary>
public sealed record NewsPassage(string DocumentId, string Title, string? PublishedAt, string Text, int Start, int End);
