using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

public sealed partial class QdrantNewsStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || queryTerms.Count == 0)
        {
            return [];
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var qdrantFilter = QdrantFilters.For(filter);
        var unknown = await UnknownTermsAsync(queryTerms, cancellationToken).ConfigureAwait(false);
        var sparse = LexicalVector.ForQuery(queryTerms, unknown)!;
        var points = await QueryAsync(sparse.ToQuery(), LexicalVectorName, LexicalCandidates(queryTerms, unknown, qdrantFilter, (ulong)TermGrams.Candidates(top)), qdrantFilter, Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await HitsAsync(points, top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the full query (terms and grams, <see cref="LexicalVector"/>) rescores, as in the embedded store: the chunks
    /// that share a term with the query (its terms' dimensions only), and those the grams of its unknown terms find
    /// (<see cref="TermGrams.UnknownTermCandidates"/>). Grams reorder what the terms found but find nothing themselves.
    /// Qdrant scores a query over its prefetches' points only (Query API, "re-scoring").
    /// </summary>
    private List<PrefetchQuery> LexicalCandidates(IReadOnlyList<string> queryTerms, IReadOnlyList<string> unknown, Filter? filter, ulong depth)
    {
        var prefetches = new List<PrefetchQuery> { new() { Query = LexicalVector.ForQueryTerms(queryTerms)!.ToQuery(), Using = LexicalVectorName, Limit = depth } };
        if (LexicalVector.ForUnknownTerms(unknown) is { } grams)
        {
            prefetches.Add(new PrefetchQuery { Query = grams.ToQuery(), Using = LexicalVectorName, Limit = TermGrams.UnknownTermCandidates });
        }

        if (filter is not null)
        {
            prefetches.ForEach(p => p.Filter = filter);
        }

        return prefetches;
    }

    /// <summary>
    /// The distinct query terms no chunk has (whatever the filter, as in the embedded store): one batch of single-term
    /// queries, limit 1; a term whose query finds no point is unknown. A term whose hash collides with a stored one
    /// (see <see cref="LexicalVector"/>) counts as known, which only forgoes the grams' help for it.
    /// </summary>
    private async Task<IReadOnlyList<string>> UnknownTermsAsync(IReadOnlyList<string> queryTerms, CancellationToken ct)
    {
        var distinct = queryTerms.Distinct(StringComparer.Ordinal).ToList();
        var queries = distinct.Select(t => new QueryPoints { CollectionName = Chunks, Query = LexicalVector.ForQueryTerms([t])!.ToQuery(), Using = LexicalVectorName, Limit = 1 }).ToList();
        var results = await QueryBatchAsync(queries, ct).ConfigureAwait(false);
        return [.. distinct.Where((_, i) => results[i].Result.Count == 0)];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (top <= 0 || !DenseUsable(queryVector))
        {
            return [];
        }

        var points = await QueryAsync(queryVector.ToArray(), DenseVector, null, QdrantFilters.For(filter), Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await HitsAsync(points, top, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Both prefetches carry the filter, so fusion only sees matching chunks. Each fetches a deeper list than
    /// <paramref name="top"/>, since a chunk ranked low in one list can win on the other. Falls back to the single
    /// search that is possible when the store has no vectors yet or the query has no terms.
    /// </remarks>
    public async Task<IReadOnlyList<ChunkHit>> SearchHybridAsync(ReadOnlyMemory<float> queryVector, IReadOnlyList<string> queryTerms, SearchFilter filter, int top, double denseWeight = 1, double lexicalWeight = 1, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (top <= 0 || (queryTerms.Count == 0 && !DenseUsable(queryVector)))
        {
            return [];
        }

        if (queryTerms.Count == 0)
        {
            return await SearchDenseAsync(queryVector, filter, top, cancellationToken).ConfigureAwait(false);
        }

        if (!DenseUsable(queryVector))
        {
            return await SearchLexicalAsync(queryTerms, filter, top, cancellationToken).ConfigureAwait(false);
        }

        var qdrantFilter = QdrantFilters.For(filter);
        var depth = (ulong)fusion.Value.CandidatesFor(top);
        var unknown = await UnknownTermsAsync(queryTerms, cancellationToken).ConfigureAwait(false);
        var dense = new PrefetchQuery { Query = queryVector.ToArray(), Using = DenseVector, Limit = depth };
        var lexical = new PrefetchQuery { Query = LexicalVector.ForQuery(queryTerms, unknown)!.ToQuery(), Using = LexicalVectorName, Limit = depth };
        lexical.Prefetch.Add(LexicalCandidates(queryTerms, unknown, qdrantFilter, (ulong)TermGrams.Candidates((int)depth)));
        if (qdrantFilter is not null)
        {
            dense.Filter = qdrantFilter;
            lexical.Filter = qdrantFilter;
        }

        var points = await QueryAsync(RrfQuery(fusion.Value, denseWeight, lexicalWeight), null, [dense, lexical], null, Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await HitsAsync(points, top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parameterized RRF (server 1.15.4 or newer takes k) with the in-process fusion's k, shifted as <see cref="QdrantRrfK"/> explains.</summary>
    /// Weights go in prefetch order (dense, sparse), and only when one differs from 1 (server 1.17 or newer), so
    /// plain RRF requests stay as they were.
    internal static Query RrfQuery(FusionOptions options, double denseWeight = 1, double lexicalWeight = 1)
    {
        var rrf = new Rrf { K = (uint)QdrantRrfK(options.RrfK) };
        if (denseWeight != 1 || lexicalWeight != 1)
        {
            rrf.Weights.Add((float)denseWeight);
            rrf.Weights.Add((float)lexicalWeight);
        }

        return rrf;
    }

    /// <summary>
    /// Qdrant scores RRF as Σ 1 / (k + rank) with ranks from 0 (lib/segment/src/common/reciprocal_rank_fusion.rs, position_score), ours
    /// with ranks from 1: passing k + 1 gives the same scores, and so the same order, as the in-process fusion.
    /// </summary>
    internal static int QdrantRrfK(int rrfK) => rrfK + 1;

    /// <summary>Weights in prefetch order (dense, sparse); omitted when both are 1 so plain RRF requests stay as they were.</summary>
    internal static IReadOnlyList<double>? RrfWeights(double dense, double lexical) => dense == 1 && lexical == 1 ? null : [dense, lexical];

    /// <summary>
    /// A few more than asked for, so that chunks dropped by the content-hash check (only while a document is being
    /// updated) rarely leave the page short.
    /// </summary>
    private static int Overfetch(int top) => top + Math.Min(top, 10);

    private bool DenseUsable(ReadOnlyMemory<float> queryVector)
    {
        if (denseSize is null || queryVector.IsEmpty)
        {
            return false;
        }

        return queryVector.Length == denseSize
            ? true
            : throw new StoreUnavailableException($"The query vector has {queryVector.Length} dimensions but stored vectors have {denseSize}; run 'newsqa reindex'.") { Component = QdrantCalls.Component };
    }

    private async Task<IReadOnlyList<ChunkHit>> HitsAsync(IReadOnlyList<ScoredPoint> points, int top, CancellationToken ct)
    {
        var withPayload = points.Where(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId) is not null).ToList();
        var documents = await ReadDocumentsAsync(withPayload.Select(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId)!), ct).ConfigureAwait(false);

        var hits = new List<ChunkHit>(Math.Min(top, withPayload.Count));
        foreach (var point in withPayload)
        {
            var payload = point.Payload;
            // Only chunks of the committed version count: see the class summary for the write order.
            if (documents.TryGetValue(QdrantPayload.Get(payload, QdrantPayload.DocumentId)!, out var record)
                && QdrantPayload.Get(record, QdrantPayload.ContentHash) == QdrantPayload.Get(payload, QdrantPayload.ContentHash))
            {
                hits.Add(new ChunkHit(QdrantPayload.ToChunk(payload), QdrantPayload.ToSummary(record), Math.Round((double)point.Score, 6)));
                if (hits.Count == top)
                {
                    break;
                }
            }
        }

        return hits;
    }
}
