using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Answer;

/// <summary>The contract's answer object: status, text in segments, verified citations, sources, mode and timings.</summary>
public sealed record AnswerResult(
    AnswerStatus Status,
    AnswerBody Answer,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<SourceReference> Sources,
    AnswerMode Mode,
    AnswerTimings Timings)
{
    /// <summary>Why there is no answer (or why citations were dropped); null when none.</summary>
    public string? Reason { get; init; }

    /// <summary>True when some statement of the answer lost its citation because its quote could not be verified, or never had one.</summary>
    public bool HasUnverifiedStatements { get; init; }

    /// <summary>The answerer's confidence in [0, 1] that the cited text answers the question.</summary>
    public double Confidence { get; init; }

    /// <summary>Language of the question and answer text ("de", "en").</summary>
    public string Language { get; init; } = "de";

    /// <summary>How the question was read (dates, sources); null when it named neither.</summary>
    public QuestionInterpretation? Interpretation { get; init; }

    /// <summary>The collection the answer was drawn from, and the only one its citations and sources point into.</summary>
    public string Collection { get; init; } = Documents.DocumentKey.DefaultCollection;

    /// <summary>The one name, number, date or place that answers, inside a citation; null when there is no single one.</summary>
    public AnswerHighlight? Highlight { get; init; }
}

/// <summary>The answer itself inside a citation's quote: <c>document.Text[Span] == Text</c>, and Span lies inside the citation's span.</summary>
public sealed record AnswerHighlight(int CitationId, string Text, TextSpan Span);

public sealed record AnswerBody(string Text, IReadOnlyList<AnswerSegment> Segments);


public sealed record SourceReference(string DocumentId, string Title, string? Url, PublicationDate? PublishedAt);

public sealed record AnswerTimings(double RetrieveMs, double AnswerMs);
