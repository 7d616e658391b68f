using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// The Lucene queries of one search, scoring as <see cref="LexicalScoring"/> says. <see cref="LexicalSearch.Find"/>
/// finds chunks by the query terms they hold (or by a rare gram of a query term no chunk has) and ranks them by their
/// terms' BM25; its best <see cref="LexicalScoring.CandidateDepth"/> are then rescored by
/// <see cref="LexicalSearch.Rescore"/>, which adds their grams' BM25 × <see cref="LexicalScoring.GramWeight"/> (plus
/// <see cref="LexicalScoring.UnknownTermGramWeight"/> for an unknown term's grams) and their document's BM25 ×
/// <see cref="LexicalScoring.DocumentWeight"/>. Scoring every chunk that holds a term by its grams made a search at
/// 100k chunks dozens of times slower than the terms alone (a question's common grams are in most chunks), for no gain
/// in ranking (docs/quality-levers.md, LexicalScoring.CandidateDepth). BM25's coordination factor and query norm are 1,
/// so Lucene adds the clauses' scores exactly as the sum is written.
/// </summary>
internal static class LexicalQuery
{
    /// <summary>Chunk entries the rare grams of unknown terms may hold between them: enough to find a misspelt name, few enough to stay fast.</summary>
    private const long RareGramPostings = 5_000;

    private static readonly string Terms = LexicalFields.Name(LexicalField.Terms);
    private static readonly string Grams = LexicalFields.Name(LexicalField.Grams);
    private static readonly string DocumentTerms = LexicalFields.Name(LexicalField.DocumentTerms);

    /// <summary>The queries for <paramref name="queryTerms"/> (analysed, question words dropped); null when nothing can match.</summary>
    public static LexicalSearch? For(IndexReader reader, IReadOnlyList<string> queryTerms)
    {
        var distinct = queryTerms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var terms = TermStates.Of(reader, Terms, distinct);
        var known = distinct.Where(t => terms[t].DocFreq > 0).ToList();
        var unknown = distinct.Except(known, StringComparer.Ordinal).ToList();
        var unknownGrams = TermGrams.Of(unknown).ToHashSet(StringComparer.Ordinal);
        var queryGrams = TermGrams.Of(distinct).Distinct(StringComparer.Ordinal).ToList();
        var grams = TermStates.Of(reader, Grams, queryGrams);

        var finders = new BooleanQuery();
        foreach (var term in known)
        {
            finders.Add(new TermQuery(new Term(Terms, term), terms[term]), Occur.SHOULD);
        }

        // A term no chunk has finds passages by its rarest grams; they only find (score 0), the grams clause scores them.
        foreach (var gram in RarestGrams(unknownGrams, grams))
        {
            finders.Add(new ConstantScoreQuery(new TermQuery(new Term(Grams, gram), grams[gram])) { Boost = 0 }, Occur.SHOULD);
        }

        if (finders.Clauses.Count == 0)
        {
            return null;
        }

        var rescore = new BooleanQuery();
        foreach (var gram in queryGrams.Where(g => grams[g].DocFreq > 0))
        {
            var weight = LexicalScoring.GramWeight + (unknownGrams.Contains(gram) ? LexicalScoring.UnknownTermGramWeight : 0);
            rescore.Add(new TermQuery(new Term(Grams, gram), grams[gram]) { Boost = weight }, Occur.SHOULD);
        }

        var documentTerms = TermStates.Of(reader, DocumentTerms, known);
        foreach (var term in known.Where(t => documentTerms[t].DocFreq > 0))
        {
            rescore.Add(new TermQuery(new Term(DocumentTerms, term), documentTerms[term]) { Boost = LexicalScoring.DocumentWeight }, Occur.SHOULD);
        }

        return new LexicalSearch(finders, rescore);
    }

    /// <summary>
    /// As many of the grams as hold at most <see cref="RareGramPostings"/> chunk entries between them, rarest first (at
    /// least one): the rare grams carry the idf that decides the ranking, while a common gram ("sch") would find half
    /// the archive.
    /// </summary>
    private static List<string> RarestGrams(IEnumerable<string> grams, Dictionary<string, TermContext> states)
    {
        var byRarity = grams
            .Select(g => (Gram: g, Rows: (long)states[g].DocFreq))
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

/// <summary>What finds and ranks the candidates, and what is added to their scores (<see cref="LexicalQuery"/>).</summary>
internal sealed record LexicalSearch(Query Find, Query Rescore);
