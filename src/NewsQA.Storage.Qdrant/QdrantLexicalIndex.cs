using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Lexical search of the Qdrant store: the query's terms and grams as one sparse vector (<see cref="LexicalVector"/>)
/// scored with Qdrant's IDF modifier over the candidates the terms (and unknown terms' grams) find, as in the embedded store.
/// </summary>
internal sealed class QdrantLexicalIndex(QdrantSchema schema, QdrantPoints points) : ILexicalIndex
{
    /// <summary>How many chunks the grams of the query's unknown terms find beside the terms' candidates.</summary>
    internal const int UnknownTermCandidates = 20;

    /// <summary>How many chunks the terms find for the full query to rescore (Qdrant scores a query over its prefetches' points only).</summary>
    internal static ulong CandidateDepth(int top) => (ulong)LexicalScoring.CandidateDepth(top);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || queryTerms.Count == 0)
        {
            return [];
        }

        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var qdrantFilter = QdrantFilters.For(filter);
        var unknown = await UnknownTermsAsync(queryTerms, cancellationToken).ConfigureAwait(false);
        var sparse = LexicalVector.ForQuery(queryTerms, unknown)!;
        var found = await points.QueryAsync(sparse.ToQuery(), QdrantSchema.LexicalVectorName, Candidates(queryTerms, unknown, qdrantFilter, CandidateDepth(top)), qdrantFilter, QdrantPoints.Overfetch(top), cancellationToken).ConfigureAwait(false);
        return await points.CommittedHitsAsync(found, top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the full query (terms and grams, <see cref="LexicalVector"/>) rescores, as in the embedded store: the chunks
    /// that share a term with the query (its terms' dimensions only), and those the grams of its unknown terms find
    /// (<see cref="UnknownTermCandidates"/>). Grams reorder what the terms found but find nothing themselves.
    /// Qdrant scores a query over its prefetches' points only (Query API, "re-scoring").
    /// </summary>
    internal static List<PrefetchQuery> Candidates(IReadOnlyList<string> queryTerms, IReadOnlyList<string> unknown, Filter? filter, ulong depth)
    {
        var prefetches = new List<PrefetchQuery> { new() { Query = LexicalVector.ForQueryTerms(queryTerms)!.ToQuery(), Using = QdrantSchema.LexicalVectorName, Limit = depth } };
        if (LexicalVector.ForUnknownTerms(unknown) is { } grams)
        {
            prefetches.Add(new PrefetchQuery { Query = grams.ToQuery(), Using = QdrantSchema.LexicalVectorName, Limit = UnknownTermCandidates });
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
    internal async Task<IReadOnlyList<string>> UnknownTermsAsync(IReadOnlyList<string> queryTerms, CancellationToken ct)
    {
        var distinct = queryTerms.Distinct(StringComparer.Ordinal).ToList();
        var queries = distinct.Select(t => new QueryPoints { CollectionName = schema.Chunks, Query = LexicalVector.ForQueryTerms([t])!.ToQuery(), Using = QdrantSchema.LexicalVectorName, Limit = 1 }).ToList();
        var results = await points.QueryBatchAsync(queries, ct).ConfigureAwait(false);
        return [.. distinct.Where((_, i) => results[i].Result.Count == 0)];
    }
}
