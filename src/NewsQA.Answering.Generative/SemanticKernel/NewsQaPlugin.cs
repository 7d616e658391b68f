using NewsQA.Core.Answer;
using NewsQA.Core.Search.Retrieval;
using System.ComponentModel;
using Microsoft.SemanticKernel;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Answering.Generative.SemanticKernel;

/// <summary>
/// NewsQA's retrieval and cited answers as Semantic Kernel functions, so an agent built on a kernel can
/// search the news archive and quote it. Results carry document ids and exact spans, like the HTTP API.
/// <paramref name="collection"/> is the one collection both functions read: a parameter of the plugin, fixed by the
/// application that builds the kernel, never an argument of a function call, so no model output (or text injected
/// into it) can pick another newsroom's collection.
/// </summary>
public sealed class NewsQaPlugin(Retriever retriever, AskService ask, string collection = DocumentKey.DefaultCollection)
{
    public const string Name = "newsqa";

    private readonly SearchFilter filter = DocumentKey.IsValidCollection(collection)
        ? new SearchFilter { Collection = collection }
        : throw new ArgumentException($"The collection must be {DocumentKey.DescribeCollection}.", nameof(collection));

    /// <summary>The collection this plugin reads.</summary>
    public string Collection => filter.Collection;

    [KernelFunction("search_news")]
    [Description("Searches the news archive (German first) and returns the best passages with document id, title, date and their exact text.")]
    public async Task<IReadOnlyList<NewsPassage>> SearchAsync(
        [Description("What to look for, in plain language")] string query,
        [Description("How many passages to return, 1 to 20")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        var result = await retriever.SearchAsync(new SearchRequest(query, Math.Clamp(top, 1, 20), SearchMode.Hybrid, filter), cancellationToken).ConfigureAwait(false);
        return result.Passages
            .Select(p => new NewsPassage(DocumentKey.IdOf(p.Hit.Chunk.DocumentId), p.Hit.Document.Title, p.Hit.Document.PublishedAt?.ToString(), p.Hit.Chunk.Text, p.Hit.Chunk.Span.Start, p.Hit.Chunk.Span.End))
            .ToList();
    }

    [KernelFunction("ask_news")]
    [Description("Answers a question from the news archive with verified quotes; says so when the archive holds no answer.")]
    public async Task<AnswerResult> AskAsync(
        [Description("The question")] string question,
        CancellationToken cancellationToken = default) =>
        (await ask.AskAsync(new AskRequest(question, null, filter, []), cancellationToken).ConfigureAwait(false)).ForWire(filter.Collection);
}

/// <summary>A passage as the plugin returns it: where it is, and its exact text.</summary>
public sealed record NewsPassage(string DocumentId, string Title, string? PublishedAt, string Text, int Start, int End);
