using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Dense search of the Qdrant store (the "dense" cosine vectors), and hybrid search fused on the server: dense and
/// lexical prefetches combined by reciprocal rank fusion in one round trip.
/// </summary>
internal sealed class QdrantVectorIndex(QdrantSchema schema, QdrantPoints points, QdrantLexicalIndex lexical, IOptions<FusionOptions> fusion)
    : IVectorIndex, IServerSideHybridSearch
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (top <= 0 || !schema.DenseUsable(queryVector))
        {
            return [];
        }

        var found = await points.QueryAsync(queryVector.ToArray(), QdrantSchema.DenseVector, null, QdrantFilters.For(filter), QdrantPoints.Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await points.CommittedHitsAsync(found, top, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Both prefetches carry the filter, so fusion only sees matching chunks. Each fetches a deeper list than
    /// <paramref name="top"/>, since a chunk ranked low in one list can win on the other. Falls back to the single
    /// search that is possible when the store has no vectors yet or the query has no terms.
    /// </remarks>
    public async Task<IReadOnlyList<ChunkHit>> SearchHybridAsync(ReadOnlyMemory<float> queryVector, IReadOnlyList<string> queryTerms, SearchFilter filter, int top, double denseWeight = 1, double lexicalWeight = 1, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (top <= 0 || (queryTerms.Count == 0 && !schema.DenseUsable(queryVector)))
        {
            return [];
        }

        if (queryTerms.Count == 0)
        {
            return await SearchDenseAsync(queryVector, filter, top, cancellationToken).ConfigureAwait(false);
        }

        if (!schema.DenseUsable(queryVector))
        {
            return await lexical.SearchLexicalAsync(queryTerms, filter, top, cancellationToken).ConfigureAwait(false);
        }

        var qdrantFilter = QdrantFilters.For(filter);
        var depth = (ulong)fusion.Value.CandidatesFor(top);
        var unknown = await lexical.UnknownTermsAsync(queryTerms, cancellationToken).ConfigureAwait(false);
        var dense = new PrefetchQuery { Query = queryVector.ToArray(), Using = QdrantSchema.DenseVector, Limit = depth };
        var sparse = new PrefetchQuery { Query = LexicalVector.ForQuery(queryTerms, unknown)!.ToQuery(), Using = QdrantSchema.LexicalVectorName, Limit = depth };
        sparse.Prefetch.Add(QdrantLexicalIndex.Candidates(queryTerms, unknown, qdrantFilter, QdrantLexicalIndex.CandidateDepth((int)depth)));
        if (qdrantFilter is not null)
        {
            dense.Filter = qdrantFilter;
            sparse.Filter = qdrantFilter;
        }

        var found = await points.QueryAsync(RrfQuery(fusion.Value, denseWeight, lexicalWeight), null, [dense, sparse], null, QdrantPoints.Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await points.CommittedHitsAsync(found, top, cancellationToken).ConfigureAwait(false);
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
}
