using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// One Lucene query for one search, scoring as <see cref="LexicalScoring"/> says: a chunk is found by a query term it
/// holds (or by a rare gram of a query term no chunk has), and scored by the sum of its terms' BM25, its grams' BM25 ×
/// <see cref="LexicalScoring.GramWeight"/> (plus <see cref="LexicalScoring.UnknownTermGramWeight"/> for an unknown term's
/// grams) and its document's BM25 × <see cref="LexicalScoring.DocumentWeight"/>. BM25's coordination factor and query
/// norm are 1, so Lucene adds the clauses' scores exactly as the sum is written.
/// </summary>
internal static class LexicalQuery
{
    /// <summary>Chunk entries the rare grams of unknown terms may hold between them: enough to find a misspelt name, few enough to stay fast.</summary>
    private const long RareGramPostings = 5_000;

    private static readonly string Terms = LexicalFields.Name(LexicalField.Terms);
    private static readonly string Grams = LexicalFields.Name(LexicalField.Grams);
    private static readonly string DocumentTerms = LexicalFields.Name(LexicalField.DocumentTerms);

    /// <summary>The query for <paramref name="queryTerms"/> (analysed, question words dropped); null when nothing can match.</summary>
    public static Query? For(IndexReader reader, IReadOnlyList<string> queryTerms)
    {
        var distinct = queryTerms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = distinct.Where(t => reader.DocFreq(new Term(Terms, t)) > 0).ToList();
        var unknown = distinct.Except(known, StringComparer.Ordinal).ToList();
        var unknownGrams = TermGrams.Of(unknown).ToHashSet(StringComparer.Ordinal);

        var finders = new BooleanQuery();
        foreach (var term in known)
        {
            finders.Add(new TermQuery(new Term(Terms, term)), Occur.SHOULD);
        }

        // A term no chunk has finds passages by its rarest grams; they only find (score 0), the grams clause scores them.
        foreach (var gram in RarestGrams(reader, unknownGrams))
        {
            finders.Add(new ConstantScoreQuery(new TermQuery(new Term(Grams, gram))) { Boost = 0 }, Occur.SHOULD);
        }

        if (finders.Clauses.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery { { finders, Occur.MUST } };
        foreach (var gram in TermGrams.Of(distinct).Distinct(StringComparer.Ordinal))
        {
            var weight = LexicalScoring.GramWeight + (unknownGrams.Contains(gram) ? LexicalScoring.UnknownTermGramWeight : 0);
            query.Add(new TermQuery(new Term(Grams, gram)) { Boost = weight }, Occur.SHOULD);
        }

        foreach (var term in known)
        {
            query.Add(new TermQuery(new Term(DocumentTerms, term)) { Boost = LexicalScoring.DocumentWeight }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// As many of the grams as hold at most <see cref="RareGramPostings"/> chunk entries between them, rarest first (at
    /// least one): the rare grams carry the idf that decides the ranking, while a common gram ("sch") would find half
    /// the archive.
    /// </summary>
    private static List<string> RarestGrams(IndexReader reader, IEnumerable<string> grams)
    {
        var byRarity = grams
            .Select(g => (Gram: g, Rows: (long)reader.DocFreq(new Term(Grams, g))))
            .Where(g => g.Rows > 0)
            .OrderBy(g => g.Rows).ThenBy(g => g.Gram, StringComparer.Ordinal)
            .ToList();
        var rare = new List<string>();
        long postings = 0;
        foreach (var (gram, rows) in byRarity)
        {
            if (rare.Count > 0 && postings + rows > RareGramPostings)
            {
                break;
            }

            rare.Add(gram);
            postings += rows;
        }

        return rare;
    }
}
