using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// Runs a search in the requested mode: lexical over analyzed terms, dense over the query vector,
/// or both fused by <see cref="IRankFusion"/> — the one place fusion happens in-process; a vector index that also
/// implements <see cref="IServerSideHybridSearch"/> fuses on its side with the same algorithm (RRF). Without an embedding
/// model, or while the stored documents are still being embedded for a newly loaded one, hybrid quietly becomes lexical (the result says so); dense fails with <see cref="EmbedderUnavailableException"/>.
/// When a configured embedder fails at query time, hybrid degrades to lexical too (logged, counted in
/// <c>newsqa.search.fallbacks</c>, and visible as <c>mode: lexical</c>), because a lexical answer beats a 503
/// for a reader; dense has no such fallback and fails with 503.
/// </summary>
public sealed partial class Retriever(
    ILexicalIndex lexicalIndex,
    IVectorIndex vectorIndex,
    ITermAnalyzer analyzer,
    IRankFusion fusion,
    ScoreFusion scoreFusion,
    DenseAgreement agreement,
    IOptions<FusionOptions> fusionOptions,
    QueryAndPassageEmbedder encoder,
    NewsQaMetrics metrics,
    ILogger<Retriever> logger,
    FusionWeights fusionWeights,
    IStoryIndex? stories = null)
{
    /// <summary>Every member of the page's stories, by story id, in one look-up; a store without stories lists each document alone.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Documents.DocumentSummary>>> StoryMembersAsync(IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        var ids = passages.Select(p => p.Hit.Document.StoryId).Distinct(StringComparer.Ordinal).ToList();
        var found = stories is null || ids.Count == 0 ? [] : await stories.GetStoryMembersAsync(ids, cancellationToken).ConfigureAwait(false);
        var members = found.GroupBy(m => m.StoryId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Documents.DocumentSummary>)g.ToList(), StringComparer.Ordinal);
        foreach (var p in passages)
        {
            // The shown document is a member even when the look-up missed it (written meanwhile, or no story index).
            var doc = p.Hit.Document;
            if (!members.TryGetValue(doc.StoryId, out var list) || !list.Any(m => m.Id == doc.Id))
            {
                members[doc.StoryId] = [.. list ?? [], doc];
            }
        }

        return members;
    }

    public async Task<RetrievalResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var mode = request.Mode;
        if (encoder is not { IsSearchable: true })
        {
            if (mode == SearchMode.Dense)
            {
                var reason = encoder is { IsAvailable: true }
                    ? "Dense search is not available yet: the stored documents are still being embedded (see /health/ready); use mode 'lexical' or 'hybrid'."
                    : "Dense search needs an embedding model; configure Embeddings:Model or use mode 'lexical'.";
                throw new EmbedderUnavailableException(reason) { ReaderMessage = reason };
            }

            mode = SearchMode.Lexical;
        }

        // A model that does not know the question's language ranks it no better than chance; its weight says how much
        // it may still count (FusionOptions.OtherLanguageDenseWeight, 0 = not at all: the search runs lexical). Whether it
        // knows the language is the data's verdict once there is one (DenseAgreement), else the manifest's.
        var weights = WeightsFor(request);
        var language = QuestionLanguage.Of(request.Query);
        var knowsLanguage = encoder is not { IsAvailable: true } || (agreement.Trusts(encoder.Profile.ModelId, language) ?? encoder.Profile.Knows(language));
        var denseWeight = knowsLanguage ? weights.Dense : fusionOptions.Value.OtherLanguageDenseWeight;
        if (mode == SearchMode.Hybrid && denseWeight <= 0 && !knowsLanguage)
        {
            mode = SearchMode.Lexical;
        }

        using var activity = NewsQaMetrics.ActivitySource.StartActivity("newsqa.search");
        var candidates = CandidatesFor(request);
        var embedWatch = Stopwatch.StartNew();
        ReadOnlyMemory<float>? vector = null;
        if (mode != SearchMode.Lexical)
        {
            try
            {
                vector = await encoder!.EmbedQueryAsync(request.Query, cancellationToken).ConfigureAwait(false);
                metrics.Embedded("query", embedWatch.Elapsed.TotalMilliseconds);
            }
            catch (EmbedderUnavailableException ex)
            {
                metrics.EmbedFailed("query");
                if (mode == SearchMode.Dense)
                {
                    throw;
                }

                LogFallback(logger, ex.Message);
                metrics.FellBackToLexical();
                mode = SearchMode.Lexical;
            }
        }

        var embedMs = mode == SearchMode.Lexical ? 0 : embedWatch.Elapsed.TotalMilliseconds;
        activity?.SetTag("newsqa.search.mode", mode.ToWireName());

        var searchWatch = Stopwatch.StartNew();
        var terms = QueryTerms.Of(analyzer, request.Query);
        IReadOnlyList<RetrievedPassage> passages;
        switch (mode)
        {
            case SearchMode.Lexical:
                var lexical = await lexicalIndex.SearchLexicalAsync(terms, request.Filter, candidates, cancellationToken).ConfigureAwait(false);
                passages = LexicalPage(lexical, request);
                break;
            case SearchMode.Dense:
                var dense = await vectorIndex.SearchDenseAsync(vector!.Value, request.Filter, candidates, cancellationToken).ConfigureAwait(false);
                passages = Page(dense.Select(h => new RetrievedPassage(h, h.Score, h.Score, null, null)), request);
                break;
            case SearchMode.Hybrid when denseWeight <= 0:
                // Weights calibrated to leave dense out of the ranking (FusionWeightFit: the model did not beat lexical
                // on held-out questions), for a model that knows the language: the words rank, and the query vector
                // still goes to the answerer, which weighs sentences by meaning (SentenceMeaning).
                var wordsOnly = await lexicalIndex.SearchLexicalAsync(terms, request.Filter, candidates, cancellationToken).ConfigureAwait(false);
                passages = LexicalPage(wordsOnly, request);
                break;
            case SearchMode.Hybrid when vectorIndex is IServerSideHybridSearch serverSide && fusionOptions.Value.Method == FusionMethod.Rrf:
                // The backend fuses dense and sparse results itself (Qdrant: prefetch + RRF), sparing a round trip. Score
                // fusion reads both lists' scores, so it fuses in process on every backend (one algorithm, one result).
                var fused = await serverSide.SearchHybridAsync(vector!.Value, terms, request.Filter, candidates, denseWeight, weights.Lexical, cancellationToken).ConfigureAwait(false);
                passages = Page(fused.Select(h => new RetrievedPassage(h, h.Score, null, null, h.Score)), request);
                break;
            default:
                var rankings = await RankBothAsync(vector!.Value, terms, request.Filter, candidates, cancellationToken).ConfigureAwait(false);
                agreement.Record(encoder!.Profile.ModelId, language, rankings.Dense, rankings.Lexical, fusionOptions.Value.LexicalSureRatio);
                passages = Fuse(rankings, new RrfWeights(denseWeight, weights.Lexical), request);
                break;
        }

        var members = await StoryMembersAsync(passages, cancellationToken).ConfigureAwait(false);
        metrics.Searched(mode.ToWireName(), searchWatch.Elapsed.TotalMilliseconds + embedMs);
        return new RetrievalResult(passages, mode, embedMs, searchWatch.Elapsed.TotalMilliseconds)
        {
            QueryVector = mode == SearchMode.Lexical ? null : vector,
            StoryMembers = members,
        };
    }

    /// <summary>
    /// The dense and lexical rankings a hybrid search of <paramref name="request"/> would fuse, at its candidate depth;
    /// <see cref="Fuse"/> with a weight pair then ranks exactly as a hybrid search with that pair (eval fits the pair
    /// over a labelled set this way, fusing in memory instead of searching once per pair). Null without a searchable model.
    /// </summary>
    public async Task<HybridCandidates?> HybridCandidatesAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (encoder is not { IsSearchable: true })
        {
            return null;
        }

        var vector = await encoder.EmbedQueryAsync(request.Query, cancellationToken).ConfigureAwait(false);
        return await RankBothAsync(vector, QueryTerms.Of(analyzer, request.Query), request.Filter, CandidatesFor(request), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Both rankings at once, as a hybrid search and the fusion fit both need them.</summary>
    private async Task<HybridCandidates> RankBothAsync(ReadOnlyMemory<float> vector, IReadOnlyList<string> terms, SearchFilter filter, int candidates, CancellationToken cancellationToken)
    {
        var dense = vectorIndex.SearchDenseAsync(vector, filter, candidates, cancellationToken);
        var lexical = lexicalIndex.SearchLexicalAsync(terms, filter, candidates, cancellationToken);
        var rankings = await Task.WhenAll(dense, lexical).ConfigureAwait(false);
        return new HybridCandidates(rankings[0], rankings[1]);
    }

    /// <summary>The two rankings fused by the configured method (<see cref="FusionOptions.Method"/>), paged as <paramref name="request"/> asks.</summary>
    public IReadOnlyList<RetrievedPassage> Fuse(HybridCandidates rankings, RrfWeights weights, SearchRequest request)
    {
        if (weights.Dense <= 0)
        {
            // As a search with that weight: the dense ranking is left out, lexical alone ranks.
            return LexicalPage(rankings.Lexical, request);
        }

        var fusedHits = fusionOptions.Value.Method == FusionMethod.Scores
            ? scoreFusion.Fuse(rankings.Dense, rankings.Lexical, weights)
            : fusion.Fuse([rankings.Dense, rankings.Lexical], [weights.Dense, weights.Lexical]);
        return Page(fusedHits.Select(f => new RetrievedPassage(f.Hit, f.Score, f.InputScores[0], f.InputScores[1], f.Score)), request);
    }

    /// <summary>
    /// How deep each ranking is fetched. The same whether copies are grouped or not: the depth is already several pages
    /// (<see cref="FusionOptions.CandidatesFor"/>), room for a story's other members to drop out, and a deeper fetch
    /// would change the fused scores of an archive without copies (score fusion normalises over the lists it gets).
    /// </summary>
    private int CandidatesFor(SearchRequest request) => fusionOptions.Value.CandidatesFor(request.Top);

    /// <summary>The request's own pair, else the one fitted or configured for the model, else the shipped defaults (<see cref="FusionWeights"/>).</summary>
    private RrfWeights WeightsFor(SearchRequest request) =>
        request.Weights ?? fusionWeights.For(encoder is { IsAvailable: true } ? encoder.Profile.ModelId : null);

    private static IReadOnlyList<RetrievedPassage> LexicalPage(IReadOnlyList<ChunkHit> lexical, SearchRequest request) =>
        Page(lexical.Select(h => new RetrievedPassage(h, h.Score, null, h.Score, null)), request);

    /// <summary>
    /// The page of a ranking at candidate depth: decayed by age when the request asks for recent news (the score
    /// becomes the decayed one; the per-retriever scores stay), ordered by date when asked, then grouped
    /// (<see cref="DocumentGrouping"/>).
    /// </summary>
    private static IReadOnlyList<RetrievedPassage> Page(IEnumerable<RetrievedPassage> ranked, SearchRequest request)
    {
        if (request.Recency is { } decay)
        {
            ranked = ranked.Select(p => p with { Score = p.Score * decay.Factor(p.Hit.Document.PublishedAt) }).OrderByDescending(p => p.Score);
        }

        if (request.Order == ResultOrder.Date)
        {
            // Newest first; undated last; among equal dates the better match first (OrderBy is stable).
            ranked = ranked.OrderByDescending(p => p.Hit.Document.PublishedAt is { } d ? d.Latest.DayNumber : int.MinValue);
        }

        return DocumentGrouping.Page(ranked.ToList(), p => p.Hit, request.Top, request.OnePerDocument, request.Group == ResultGrouping.Story);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedder failed, hybrid search answered lexically: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}

