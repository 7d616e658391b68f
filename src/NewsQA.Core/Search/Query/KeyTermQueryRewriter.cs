using NewsQA.Core.Search.Analysis;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// The rewriter without a language model: the question followed by the content words of the last
/// user turn that the question does not already contain ("Und wann?" after "Wer ist Gideon Saar?"
/// becomes "Und wann? Gideon Saar"). Crude, but it keeps the topic in the query. Its work is bounded whatever the
/// history holds: it looks at the first <see cref="MaxWordsExamined"/> words of that turn and adds at most
/// <see cref="MaxKeyWords"/>, so a history of long turns costs an ask no more than a short one.
/// </summary>
public sealed class KeyTermQueryRewriter(ITermAnalyzer analyzer) : IQueryRewriter
{
    /// <summary>Words of the last user turn looked at (each is analyzed once).</summary>
    public const int MaxWordsExamined = 64;

    /// <summary>Key words added to the question: the topic, not the whole turn.</summary>
    public const int MaxKeyWords = 8;

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
        foreach (var word in lastUser.Content.Split([' ', '\t', '\n', '?', '!', '.', ',', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Take(MaxWordsExamined))
        {
            if (keyWords.Count == MaxKeyWords)
            {
                break;
            }

            // A word is "key" when analysis keeps a content term of it (stop and question words vanish).
            if (QuestionAdverbs.Contains(word))
            {
                continue;
            }

            var terms = analyzer.Analyze(word).Where(t => !QuestionProfile.IsQuestionWord(t)).ToList();
            if (terms.Count > 0 && !terms.All(asked.Contains) && !keyWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                keyWords.Add(word);
            }
        }

        return Task.FromResult(keyWords.Count == 0 ? question : $"{question} {string.Join(' ', keyWords)}");
    }
}
