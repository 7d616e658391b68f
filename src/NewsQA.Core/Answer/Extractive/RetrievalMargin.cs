using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// How far an article stands out in the lexical ranking: <c>ln(best lexical score of its passages / best of any other
/// article's)</c>, in 0..1. Coverage alone cannot tell a question the archive answers from one it does not: in a large
/// archive some sentence shares most words with almost any question. When the archive holds the answer, its article
/// usually scores well above the next one; when it does not, the best matches are several articles that each share a
/// word or two. At a low false-answer rate this term is what lets most right answers through (docs/quality-levers.md,
/// RetrievalMargin). An article alone among the passages, or passages
/// without a lexical score (dense only), give no evidence either way: 0. So do articles that share no word with the
/// question: the letters of a word the archive never wrote find them (LexicalScoring.UnknownTermGramWeight), and beside such
/// weak rivals any article would stand out ("Wann wurde der Eiffelturm gebaut?" on the seeds: one passage with "gebauten",
/// four found by the letters of "Eiffelturm", margin at its cap and a confident answer about air defence). The same
/// holds per passage: a passage found by letters or by its article's title scores without sharing a word, and an
/// article's other passage sharing one ("Kontrolle" ~ "Rolle") must not lend it that score ("Welche Rolle spielt der
/// Iran?" on the seeds: a clear lead for an article whose top passage held none of the question's words).
/// </summary>
internal static class RetrievalMargin
{
    private const double Cap = 1.0;

    /// <summary>Margin per document id of <paramref name="passages"/>.</summary>
    /// <param name="passages">The retrieved passages.</param>
    /// <param name="question">The question's terms.</param>
    /// <param name="analyzed">The same passages analyzed (<see cref="SentenceCandidates.Analyze"/>), in the order of <paramref name="passages"/>.</param>
    public static Dictionary<string, double> PerDocument(IReadOnlyList<RetrievedPassage> passages, QuestionProfile question, IReadOnlyList<AnalyzedPassage> analyzed)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            var id = p.Hit.Chunk.DocumentId;
            if (!question.Terms.Any(t => SentenceScorer.Matches(t, analyzed[i].Terms)))
            {
                continue;
            }

            var score = p.Lexical is > 0 ? p.Lexical.Value : 0;
            best[id] = best.TryGetValue(id, out var b) ? Math.Max(b, score) : score;
        }

        var margins = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, score) in best)
        {
            var others = best.Where(o => o.Key != id).Select(o => o.Value).DefaultIfEmpty(0).Max();
            margins[id] = score > 0 && others > 0 ? Math.Clamp(Math.Log(score / others), 0, Cap) : 0;
        }

        return margins;
    }
}
