using NewsQA.Core.Search.Analysis;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// The terms a search query matches on: its analyzed terms without the question words of <see cref="QuestionProfile"/>
/// ("wer", "wann", "wie viele", "what", "how many", "did"), which name the kind of answer, not its subject. Every
/// document has some of them, and in a short passage they weigh as much as a name; dropping them helped English
/// questions most (docs/quality-levers.md, QueryTerms). Only queries drop them: a document's "wie" stays indexed.
/// </summary>
public static class QueryTerms
{
    public static IReadOnlyList<string> Of(ITermAnalyzer analyzer, string query)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(query);
        return analyzer.Analyze(query).Where(t => !QuestionProfile.IsQuestionWord(t)).ToList();
    }
}
