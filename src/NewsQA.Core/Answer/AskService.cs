using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Answer;

public sealed record AskRequest(string Question, int? Top, SearchFilter Filter, IReadOnlyList<ChatTurn> History)
{
    /// <summary>The day relative dates in the question ("letzte Woche") count from; today (UTC) when null.</summary>
    public DateOnly? ReferenceDate { get; init; }
}

/// <summary>
/// Question answering in two steps a streaming client can observe: retrieve (sources known),
/// then answer and verify every citation. Whatever the answerer writes, only verified quotes leave.
/// </summary>
public sealed class AskService(
    Retriever retriever,
    IAnswerer answerer,
    CitationVerifier verifier,
    IOptions<AnswerOptions> options,
    IQueryRewriter rewriter,
    TimeProvider clock,
    AnswerThreshold threshold,
    QueryAndPassageEmbedder encoder,
    IOptions<RecencyOptions> recency)
{
    /// <summary>The model's profile while one is loaded (its declared languages), else null: lexical only.</summary>
    private EmbeddingProfile? LoadedModel => encoder is { IsAvailable: true } ? encoder.Profile : null;

    public async Task<AskRetrieval> RetrieveAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var language = QuestionLanguage.Detect(request.Question);
        var top = request.Top ?? options.Value.Passages;
        var today = request.ReferenceDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var scope = new AskScope(QuestionScopeParser.Parse(request.Question, today), request.Filter, request.Question);

        // A follow-up ("Und wann?") means little on its own: retrieve for the standalone question.
        var query = scope.Question;
        if (request.History.Count > 0)
        {
            var rewritten = await rewriter.RewriteAsync(scope.Question, request.History, cancellationToken).ConfigureAwait(false);
            query = string.IsNullOrWhiteSpace(rewritten) ? scope.Question : rewritten.Trim();
        }

        var fetch = scope.Reranks ? Math.Min(SearchRequest.MaxTop, top * 3) : top;
        var decay = RecencyDecay.For(request.Question, recency.Value.RecencyHalfLifeDays, today);
        var result = await retriever.SearchAsync(new SearchRequest(query, fetch, SearchMode.Hybrid, scope.Filter, OnePerDocument: false) { Recency = decay }, cancellationToken).ConfigureAwait(false);
        var interpretation = decay is null ? scope.Interpretation : (scope.Interpretation ?? scope.Unscoped) with { Recency = decay };
        return new AskRetrieval(request, language, scope.Apply(result.Passages, top), watch.Elapsed.TotalMilliseconds)
        {
            StandaloneQuestion = query,
            Interpretation = interpretation,
            Mode = result.Mode,
            QueryVector = result.QueryVector,
            Stories = result,
        };
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
        // The threshold fitted for what fed the answerer: the model's ranking, or lexical retrieval alone.
        var model = retrieval.Mode == SearchMode.Lexical || encoder is not { IsAvailable: true } ? null : encoder.Profile.ModelId;
        var context = new AnswerContext(retrieval.StandaloneQuestion ?? retrieval.Request.Question, retrieval.Language, retrieval.Passages, retrieval.Request.History)
        {
            MinConfidence = threshold.For(model),
            // Only with the model whose threshold applies: without it the answer is scored as the lexical threshold expects.
            QueryVector = model is null ? null : retrieval.QueryVector,
        };
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

        // Words matched across languages (an English question's "minister" in a German article) are no answer to quote.
        if (draft.Answered && draft.Mode == AnswerMode.Extractive && LanguageMismatch.Reason(retrieval.Request.Question, retrieval.Language, QuotedPassages(draft, retrieval.Passages), retrieval.Mode, LoadedModel) is { } mismatch)
        {
            draft = AnswerDraft.None(mismatch, draft.Confidence, draft.Mode);
        }

        var verified = draft.Answered ? await verifier.VerifyAsync(draft.Segments, cancellationToken).ConfigureAwait(false) : null;
        var timings = new AnswerTimings(Math.Round(retrieval.RetrieveMs, 2), Math.Round(watch.Elapsed.TotalMilliseconds, 2));

        if (verified is null || verified.Citations.Count == 0)
        {
            var reason = retrieval.Passages.Count == 0 && retrieval.Interpretation is { } read
                ? $"No article matches what the question names ({AskScope.Describe(read)})."
                : LanguageMismatch.Reason(retrieval.Request.Question, retrieval.Language, retrieval.Passages, retrieval.Mode, LoadedModel)
                  ?? draft.Reason ?? "No statement of the answer could be verified against the articles.";
            return new AnswerResult(AnswerStatus.NoAnswer, new AnswerBody(AnswerPhrases.NoAnswer(retrieval.Language), []), [], [], draft.Mode, timings)
            {
                Reason = reason,
                Confidence = Math.Round(draft.Confidence, 3),
                Language = retrieval.Language,
                Interpretation = retrieval.Interpretation,
            };
        }

        var text = string.Join(" ", verified.Segments.Select(s => s.Text));
        var sources = verified.Citations
            .DistinctBy(c => c.DocumentId)
            .Select(c => new SourceReference(c.DocumentId, c.Title, c.Url, c.PublishedAt))
            .ToList();
        var unverified = verified.DroppedQuotes > 0 || verified.Segments.Any(s => s.CitationIds.Count == 0);
        string?[] reasons = [unverified ? AnswerPhrases.Unverified(retrieval.Language) : null, draft.Reason];
        var citations = verified.Citations.Select(retrieval.WithStory).ToList();
        return new AnswerResult(AnswerStatus.Answered, new AnswerBody(text, verified.Segments), citations, sources, draft.Mode, timings)
        {
            Reason = reasons.Any(r => r is not null) ? string.Join(" ", reasons.Where(r => r is not null)) : null,
            HasUnverifiedStatements = unverified,
            Confidence = Math.Round(draft.Confidence, 3),
            Language = retrieval.Language,
            Interpretation = retrieval.Interpretation,
            Highlight = Highlight(draft.Highlight, citations),
        };
    }

    /// <summary>The retrieved passages of the documents the draft quotes.</summary>
    private static List<RetrievedPassage> QuotedPassages(AnswerDraft draft, IReadOnlyList<RetrievedPassage> passages)
    {
        var quoted = draft.Segments.SelectMany(s => s.Quotes).Select(q => q.DocumentId).ToHashSet(StringComparer.Ordinal);
        return passages.Where(p => quoted.Contains(p.Hit.Chunk.DocumentId)).ToList();
    }

    /// <summary>The draft's highlight in document coordinates, inside the verified citation of its quote (or none).</summary>
    private static AnswerHighlight? Highlight(DraftHighlight? draft, IReadOnlyList<Citation> citations)
    {
        if (draft is null || citations.FirstOrDefault(c => c.Quote == draft.Quote) is not { } citation)
        {
            return null;
        }

        var span = new Documents.TextSpan(citation.Span.Start + draft.Offset, citation.Span.Start + draft.Offset + draft.Length);
        return new AnswerHighlight(citation.Id, draft.Quote.Substring(draft.Offset, draft.Length), span);
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

    /// <summary>How the question's dates and sources were read; null when it named none.</summary>
    public QuestionInterpretation? Interpretation { get; init; }

    /// <summary>The search mode retrieval ran in (hybrid becomes lexical without a model).</summary>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    /// <summary>The question's vector retrieval ranked with (<see cref="RetrievalResult.QueryVector"/>); null when it ran lexical.</summary>
    public ReadOnlyMemory<float>? QueryVector { get; init; }

    /// <summary>The retrieval whose story members the citations list (<see cref="RetrievalResult.StoryOf"/>); null: each cited document alone.</summary>
    public RetrievalResult? Stories { get; init; }

    /// <summary>The citation with its document's story.</summary>
    public Citation WithStory(Citation citation)
    {
        var document = Passages.Select(p => p.Hit.Document).FirstOrDefault(d => d.Id == citation.DocumentId);
        return document is null ? citation : citation with { Story = Stories?.StoryOf(document) ?? NewsQA.Core.Stories.StoryView.Of(document.StoryId, [document]) };
    }

    /// <summary>Distinct documents of the passages, best first: the "sources" a streaming client can show early.</summary>
    public IReadOnlyList<SourceReference> Sources => Passages
        .Select(p => p.Hit.Document)
        .DistinctBy(d => d.Id)
        .Select(d => new SourceReference(d.Id, d.Title, d.Url, d.PublishedAt))
        .ToList();
}
