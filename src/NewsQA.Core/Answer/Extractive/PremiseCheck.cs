using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// A false premise ("Wie viele Kampfjets hat Israel der Ukraine zugesagt?"): the question joins specific terms
/// (names, numbers, named things) that no retrieved article holds together. An article lacking one of them is
/// not the answer's source when another retrieved article has that term and covers at least as many of the
/// question's specific terms: the two split the question between them ("Israel" in one, "Kampfjets" in the
/// other), so quoting either would answer a different question. An article that covers strictly more keeps its
/// chance (a paraphrase often drops one word), and a term no retrieved article has at all is left to the
/// confidence threshold, where it weighs double.
/// </summary>
internal static class PremiseCheck
{
    /// <summary>The word of a specific term that <paramref name="documentId"/> lacks while a rival document has it, if any.</summary>
    /// <param name="documentId">The article the candidate answer quotes.</param>
    /// <param name="question">The question's terms.</param>
    /// <param name="documents">Per retrieved article, the terms of its retrieved passages.</param>
    /// <param name="texts">The retrieved passages' texts, to tell names from common nouns (<see cref="ProperNounDetector"/>).</param>
    public static string? MissingIn(string documentId, QuestionProfile question, IReadOnlyDictionary<string, HashSet<string>> documents, IReadOnlyList<string> texts)
    {
        var own = documents[documentId];
        var ownCount = Covered(question, own);
        foreach (var (term, word) in question.Specific)
        {
            // A name the article lacks while another has it ("Schoigu" for the article about Saar) is a different
            // subject, however many of the other words the article covers, and however many articles name it.
            if (!SentenceScorer.Matches(term, own) && ProperNounDetector.Is(word, texts) && documents.Any(d => d.Key != documentId && SentenceScorer.Matches(term, d.Value)))
            {
                return word;
            }

            // Only terms that single out one article count: a noun many retrieved articles share ("Jahr",
            // "Angriffe") says nothing about which one the question is about.
            // Counted exactly: "Kampf" in one article does not make "Kampfjets" common.
            if (documents.Count(d => d.Value.Contains(term)) > 1)
            {
                continue;
            }

            if (SentenceScorer.Matches(term, own))
            {
                continue;
            }

            if (documents.Any(d => d.Key != documentId && SentenceScorer.Matches(term, d.Value) && Covered(question, d.Value) >= ownCount))
            {
                return word;
            }
        }

        return null;
    }

    private static int Covered(QuestionProfile question, ISet<string> terms) => question.Specific.Keys.Count(t => SentenceScorer.Matches(t, terms));
}
