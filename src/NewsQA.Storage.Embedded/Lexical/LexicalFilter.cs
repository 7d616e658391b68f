using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// <see cref="SearchFilter"/> as a Lucene filter, with its reference semantics (<see cref="SearchFilter.Matches"/>):
/// the collection, ids, sources (any case) and languages as term sets; a date range overlaps a document's possible days [from, to], so
/// a document dated by month matches a range inside that month, and an undated one matches no range.
/// </summary>
internal static class LexicalFilter
{
    /// <summary>
    /// The collection's documents per index segment, kept while the segment lives: every search filters by its
    /// collection, and a term filter reads the whole posting list of that term to build its set (every chunk, in an
    /// archive of one collection) on each search; an unchanged segment's set is the same for the next search.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Filter> Collections = new(StringComparer.Ordinal);

    /// <summary>Collections whose sets are kept; past it the kept sets start over (names are a reader's input).</summary>
    private const int KeptCollections = 256;

    public static Filter For(SearchFilter filter)
    {
        // Always a clause: a search never spans collections, and filtering here (not after ranking) keeps the top k full.
        if (Collections.Count >= KeptCollections)
        {
            Collections.Clear();
        }

        var collection = Collections.GetOrAdd(filter.Collection, c => new CachingWrapperFilter(Terms(LexicalFields.Collection, [c])));
        if (filter.OnlyCollection)
        {
            return collection;
        }

        var clauses = new BooleanFilter { { collection, Occur.MUST } };
        if (filter.DocumentIds is { Count: > 0 } ids)
        {
            clauses.Add(Terms(LexicalFields.Document, ids), Occur.MUST);
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            clauses.Add(Terms(LexicalFields.Source, sources.Select(LexicalFields.SourceKey)), Occur.MUST);
        }

        if (filter.Languages is { Count: > 0 } languages)
        {
            clauses.Add(Terms(LexicalFields.Language, languages), Occur.MUST);
        }

        if (filter.PublishedFrom is { } from)
        {
            clauses.Add(NumericRangeFilter.NewInt32Range(LexicalFields.PublishedTo, LexicalFields.Day(from.Earliest), null, true, true), Occur.MUST);
        }

        if (filter.PublishedTo is { } to)
        {
            clauses.Add(NumericRangeFilter.NewInt32Range(LexicalFields.PublishedFrom, null, LexicalFields.Day(to.Latest), true, true), Occur.MUST);
        }

        return clauses;
    }

    private static TermsFilter Terms(string field, IEnumerable<string> values) =>
        new([.. values.Distinct(StringComparer.Ordinal).Select(v => new Term(field, v))]);
}
