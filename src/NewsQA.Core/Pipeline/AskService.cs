using NewsQA.Core.Answering;
using NewsQA.Core.Query;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsQA.Core.Citations;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Pipeline;

public sealed record AskRequest(string Question, int? Top, SearchFilter Filter, IReadOnlyList<ChatTurn> History);

/// <summary>
/// Question answering in two steps a streaming client can observe: retrieve (sources known),
/// then answer and verify every citation. Whatever the answerer writes, only verified quotes leave.
/// </summary>
public sealed class AskService(
    Retriever retriever,
    IAnswerer answerer,
    CitationVerifier verifier,
    IOptions<AnswerOptions> options,
    IQueryRewriter? rewriter = null)
{
    public async Task<AskRetrieval> RetrieveAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var language = QuestionLanguage.Detect(request.Question);
        var top = request.Top ?? options.Value.Passages;

        // A follow-up ("Und wann?") means little on its own: retrieve for the standalone question.
        var query = request.Question;
        if (request.History.Count > 0 && rewriter is not null)
        {
            var rewritten = await rewriter.RewriteAsync(request.Question, request.History, cancellationToken).ConfigureAwait(false);
            query = string.IsNullOrWhiteSpace(rewritten) ? request.Question : rewritten.Trim();
        }

        var result = await retriever.SearchAsync(new SearchRequest(query, top, SearchMode.Hybrid, request.Filter), cancellationToken).ConfigureAwait(false);
        return new AskRetrieval(request, language, result.Passages, watch.Elapsed.TotalMilliseconds) { StandaloneQuestion = query };
    }

    public Task<AnswerResult> AnswerAsync(AskRetrieval retrieval, CancellationToken cancellationToken = default) =>
        AnswerAsync(retrieval, onText: null, cancellationToken);

    /// <summary>
    /// Answers from the retrieved passages. With <paramref name="onText"/> and a streaming answerer, the answer
    /// text is reported while it is written (pieces joined give the unverified answer text); the result is final.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(AskRetrieval retrieval, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var context = new AnswerContext(retrieval.StandaloneQuestion ?? retrieval.Request.Question, retrieval.Language, retrieval.Passages, retrieval.Request.History);
        AnswerDraft draft;
        if (onText is not null && answerer is IStreamingAnswerer streaming)
        {
            // Segments are joined with single spaces below, so the stream inserts the same separators.
            var first = true;
            draft = await streaming.AnswerAsync(
                context,
                async (segment, ct) =>
                {
                    await onText(first ? segment : " " + segment, ct).ConfigureAwait(false);
                    first = false;
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            draft = await answerer.AnswerAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var verified = draft.Answered ? await verifier.VerifyAsync(draft.Segments, cancellationToken).ConfigureAwait(false) : null;
        var timings = new AnswerTimings(Math.Round(retrieval.RetrieveMs, 2), Math.Round(watch.Elapsed.TotalMilliseconds, 2));

        if (verified is null || verified.Citations.Count == 0)
        {
            var reason = draft.Reason ?? "No statement of the answer could be verified against the articles.";
            return new AnswerResult(AnswerStatus.NoAnswer, new AnswerBody(AnswerPhrases.NoAnswer(retrieval.Language), []), [], [], draft.Mode, timings)
            {
                Reason = reason,
                Confidence = Math.Round(draft.Confidence, 3),
                Language = retrieval.Language,
            };
        }

        var text = string.Join(" ", verified.Segments.Select(s => s.Text));
        var sources = verified.Citations
            .DistinctBy(c => c.DocumentId)
            .Select(c => new SourceReference(c.DocumentId, c.Title, c.Url, c.PublishedAt))
            .ToList();
        var unverified = verified.DroppedQuotes > 0 || verified.Segments.Any(s => s.CitationIds.Count == 0);
        string?[] reasons = [unverified ? AnswerPhrases.Unverified(retrieval.Language) : null, draft.Reason];
        return new AnswerResult(AnswerStatus.Answered, new AnswerBody(text, verified.Segments), verified.Citations, sources, draft.Mode, timings)
        {
            Reason = reasons.Any(r => r is not null) ? string.Join(" ", reasons.Where(r => r is not null)) : null,
            HasUnverifiedStatements = unverified,
            Confidence = Math.Round(draft.Confidence, 3),
            Language = retrieval.Language,
        };
    }

    public async Task<AnswerResult> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var retrieval = await RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(retrieval, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The retrieval half of an ask: the passages found and the question's language.</summary>
public sealed record AskRetrieval(AskRequest Request, string Language, IReadOnlyList<RetrievedPassage> Passages, double RetrieveMs)
{
    /// <summary>The query retrieval ran with: the question, or its standalone rewrite when there was history.</summary>
    public string? StandaloneQuestion { get; init; }

    /// <summary>Distinct documents of the passages, best first: the "sources" a streaming client can show early.</summary>
    public IReadOnlyList<SourceReference> Sources => Passages
        .Select(p => p.Hit.Document)
        .DistinctBy(d => d.Id)
        .Select(d => new SourceReference(d.Id, d.Title, d.Url, d.PublishedAt))
        .ToList();
}
