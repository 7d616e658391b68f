using NewsQA.Core.Search.Analysis;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// The rewriter without a language model: the question followed by the content words of the last
/// user turn that the question does not already contain ("Und wann?" after "Wer ist Gideon Saar?"
/// becomes "Und wann? Gideon Saar"). Crude, but it keeps the topic in the query.
/// </summary>
public sealed class KeyTermQueryRewriter(ITermAnalyzer analyzer) : IQueryRewriter
{
    /// <summary>German "wo(r)-" question words the analyzer keeps as content terms.</summary>
    private static readonly HashSet<string> QuestionAdverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "worüber", "woran", "worauf", "woraus", "worin", "worum", "womit", "wofür", "wovon", "wozu", "wodurch", "wogegen", "wonach", "wobei",
    };

    /// <inheritdoc/>
    public Task<string> RewriteAsync(string question, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken = default)
    {
        var lastUser = history.LastOrDefault(t => t.Role == ChatRole.User);
        if (lastUser is null || string.IsNullOrWhiteSpace(lastUser.Content))
        {
            return Task.FromResult(question);
        }

        var asked = new HashSet<string>(QuestionProfile.From(question, analyzer).Terms, StringComparer.Ordinal);
        var keyWords = new List<string>();
        foreach (var word in lastUser.Content.Split([' ', '\t', '\n', '?', '!', '.', ',', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            // A word is "key" when analysis keeps a content term of it (stop and question words vanish).
            if (QuestionAdverbs.Contains(word))
            {
                continue;
            }

            var terms = QuestionProfile.From(word, analyzer).Terms;
            if (terms.Count > 0 && !terms.All(asked.Contains) && !keyWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                keyWords.Add(word);
            }
        }

        return Task.FromResult(keyWords.Count == 0 ? question : $"{question} {string.Join(' ', keyWords)}");
    }
}
