using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsQA.Core.Citations;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Answering;

public sealed record AskRequest(string Question, int? Top, SearchFilter Filter, IReadOnlyList<ChatTurn> History);

/// <summary>
/// Question answering in two steps a streaming client can observe: retrieve (sources known),
/// then answer and verify every citation. Whatever the answerer writes, only verified quotes leave.
/// </summary>
public sealed class AskService(Retriever retriever, IAnswerer answerer, CitationVerifier verifier, IOptions<AnswerOptions> options)
{
    public async Task<AskRetrieval> RetrieveAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var language = QuestionLanguage.Detect(request.Question);
        var top = request.Top ?? options.Value.Passages;
        var result = await retriever.SearchAsync(new SearchRequest(request.Question, top, SearchMode.Hybrid, request.Filter), cancellationToken).ConfigureAwait(false);
        return new AskRetrieval(request, language, result.Passages, watch.Elapsed.TotalMilliseconds);
    }

    public async Task<AnswerResult> AnswerAsync(AskRetrieval retrieval, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var context = new AnswerContext(retrieval.Request.Question, retrieval.Language, retrieval.Passages, retrieval.Request.History);
        var draft = await answerer.AnswerAsync(context, cancellationToken).ConfigureAwait(false);
        var verified = draft.Answered ? await verifier.VerifyAsync(draft, cancellationToken).ConfigureAwait(false) : null;
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
        return new AnswerResult(AnswerStatus.Answered, new AnswerBody(text, verified.Segments), verified.Citations, sources, draft.Mode, timings)
        {
            Reason = verified.DroppedQuotes > 0 ? AnswerPhrases.Unverified(retrieval.Language) : null,
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
    /// <summary>Distinct documents of the passages, best first: the "sources" a streaming client can show early.</summary>
    public IReadOnlyList<SourceReference> Sources => Passages
        .Select(p => p.Hit.Document)
        .DistinctBy(d => d.Id)
        .Select(d => new SourceReference(d.Id, d.Title, d.Url, d.PublishedAt))
        .ToList();
}
