using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Language;

namespace NewsQA.Core.Answer;

/// <summary>
/// Says why a question found no answer when it is asked in one language of an archive written in another and
/// nothing carries meaning across: lexical search, or a model whose manifest does not declare both languages (an
/// English model reads German passages as noise, and its cosines then lift unrelated sentences into confident
/// answers: docs/quality-levers.md, LanguageMismatch).
/// "No answer found" would suggest the articles do not cover the topic, when they may, in other words. Phrased in
/// the question's language.
/// </summary>
internal static class LanguageMismatch
{
    private static readonly Dictionary<string, (string English, string German)> Names = new(StringComparer.Ordinal)
    {
        ["de"] = ("German", "Deutsch"),
        ["en"] = ("English", "Englisch"),
        ["fr"] = ("French", "Französisch"),
        ["es"] = ("Spanish", "Spanisch"),
        ["it"] = ("Italian", "Italienisch"),
        ["nl"] = ("Dutch", "Niederländisch"),
    };

    /// <summary>
    /// The reason, or null when the passages are in the question's language (or there are none to judge by), or when
    /// <paramref name="model"/> ranked them and declares both languages.
    /// </summary>
    /// <param name="question">The question as asked: the reason names the language it is written in (French, say).</param>
    /// <param name="phrasing">The language the answer is phrased in (<see cref="QuestionLanguage.Detect"/>): German or English.</param>
    /// <param name="passages">The passages the answer would quote from; their majority language is the archive's.</param>
    /// <param name="mode">How they were retrieved: only a dense or hybrid search can have carried meaning across.</param>
    /// <param name="model">The loaded model's profile (its declared languages), or null.</param>
    public static string? Reason(string question, string phrasing, IReadOnlyList<RetrievedPassage> passages, SearchMode mode, EmbeddingProfile? model)
    {
        if (passages.Count == 0)
        {
            return null;
        }

        var questionLanguage = QuestionLanguage.Of(question);

        var archive = passages
            .Select(p => QuestionLanguage.Of(p.Hit.Chunk.Text))
            .GroupBy(l => l, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .First().Key;
        if (archive == questionLanguage || !Names.TryGetValue(archive, out var a) || !Names.TryGetValue(questionLanguage, out var q))
        {
            return null;
        }

        if (mode != SearchMode.Lexical && model is not null && model.Knows(questionLanguage) && model.Knows(archive))
        {
            return null;
        }

        return phrasing == LanguageCode.English
            ? $"The question is in {q.English}, but the articles found are in {a.English}. Without a multilingual embedding model the search matches words, not meanings across languages; ask in {a.English} to search these articles."
            : $"Die Frage ist auf {q.German}, die gefundenen Artikel sind aber auf {a.German}. Ohne ein mehrsprachiges Embedding-Modell vergleicht die Suche Wörter, nicht Bedeutungen über Sprachen hinweg; fragen Sie auf {a.German}, um diese Artikel zu durchsuchen.";
    }
}
