using NewsQA.Core.Citations;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Answering;

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
}

public sealed record AnswerBody(string Text, IReadOnlyList<AnswerSegment> Segments);


public sealed record SourceReference(string DocumentId, string Title, string? Url, PublicationDate? PublishedAt);

public sealed record AnswerTimings(double RetrieveMs, double AnswerMs);
