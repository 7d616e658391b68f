using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Answer;

/// <summary>
/// Applies what a question says about dates and sources (<see cref="QuestionScope"/>) to an ask: the request's
/// filter always wins field by field; a date range read from the question also narrows the store's overlap
/// filter to documents known to fall inside it; a preferred year or kind of source reorders, never excludes.
/// </summary>
internal sealed class AskScope
{
    private readonly QuestionScope scope;
    private readonly bool dateFromQuestion;

    public AskScope(QuestionScope scope, SearchFilter requested, string question)
    {
        this.scope = scope;
        dateFromQuestion = !requested.HasDateRange && scope.HasDateRange;
        var sourcesFromQuestion = requested.Sources is not { Count: > 0 } && scope.Sources.Count > 0;
        Filter = requested with
        {
            PublishedFrom = dateFromQuestion ? scope.PublishedFrom : requested.PublishedFrom,
            PublishedTo = dateFromQuestion ? scope.PublishedTo : requested.PublishedTo,
            Sources = sourcesFromQuestion ? scope.Sources : requested.Sources,
        };

        // Only date or source words ("Was geschah im Juni 2025?" keeps "Was geschah?"): the rest is what to match.
        Question = string.IsNullOrWhiteSpace(scope.Remainder) ? question : scope.Remainder;
        Interpretation = scope.IsEmpty ? null : new QuestionInterpretation(
            Filter.PublishedFrom,
            Filter.PublishedTo,
            Filter.Sources ?? [],
            scope.SourceKind == SourceKind.None ? null : scope.SourceKind,
            scope.PreferredYear,
            Question);
    }

    public SearchFilter Filter { get; }

    public string Question { get; }

    public QuestionInterpretation? Interpretation { get; }

    /// <summary>The reading of a question that named no date or source: its filter and its text, as is.</summary>
    public QuestionInterpretation Unscoped => new(Filter.PublishedFrom, Filter.PublishedTo, Filter.Sources ?? [], null, null, Question);

    /// <summary>Does the search need more candidates than it returns, because some are dropped or reordered?</summary>
    public bool Reranks => dateFromQuestion || PrefersYear || scope.SourceKind == SourceKind.Blog;

    /// <summary>
    /// A year ranks its documents first only in a question about reports (it names a source): in "Wie viele
    /// Geschosse hat die Ukraine im vergangenen Jahr hergestellt?" the year is the event's, not the article's.
    /// </summary>
    private bool PrefersYear => scope.PreferredYear is not null && (scope.Sources.Count > 0 || scope.SourceKind != SourceKind.None);

    public IReadOnlyList<RetrievedPassage> Apply(IReadOnlyList<RetrievedPassage> passages, int top) => passages
        .Where(p => !dateFromQuestion || scope.Holds(p.Hit.Document.PublishedAt))
        .Select((p, rank) => (Passage: p, Rank: rank))
        .OrderByDescending(x => Preferred(x.Passage))
        .ThenBy(x => x.Rank)
        .Take(top)
        .Select(x => x.Passage)
        .ToList();

    /// <summary>"2025-07..2025-07, sources dpa-AFX": the scope in words for a reason.</summary>
    public static string Describe(QuestionInterpretation read)
    {
        var parts = new List<string>();
        if (read.PublishedFrom is not null || read.PublishedTo is not null)
        {
            parts.Add($"published {read.PublishedFrom?.ToString() ?? "…"} to {read.PublishedTo?.ToString() ?? "…"}");
        }

        if (read.SourceKind is SourceKind.Agency)
        {
            parts.Add("from a news agency");
        }
        else if (read.Sources.Count > 0)
        {
            parts.Add("from " + string.Join(", ", read.Sources));
        }

        return parts.Count == 0 ? "its scope" : string.Join(", ", parts);
    }

    private int Preferred(RetrievedPassage passage)
    {
        var document = passage.Hit.Document;
        var score = 0;
        if (scope.SourceKind == SourceKind.Blog && SourcePhrases.IsOfKind(SourceKind.Blog, document.Title, document.Source))
        {
            score += 2;
        }

        if (PrefersYear && document.PublishedAt is { } date && date.Year == scope.PreferredYear)
        {
            score += 1;
        }

        return score;
    }
}
