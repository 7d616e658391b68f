using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Core.Answer;

/// <summary>Writes an answer from retrieved passages. Its quotes are checked afterwards by the citation verifier.</summary>
public interface IAnswerer
{
    AnswerMode Mode { get; }

    Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default);
}

public sealed record AnswerContext(string Question, string Language, IReadOnlyList<RetrievedPassage> Passages, IReadOnlyList<ChatTurn> History)
{
    /// <summary>The confidence below which there is no answer, when the caller resolved it (<c>AnswerThreshold</c>); else <c>Answer:MinConfidence</c>.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>
    /// The question's vector from retrieval when a model ranked the passages: the extractive answerer then weighs
    /// sentences by meaning too. Null (lexical retrieval, no model) scores by words alone.
    /// </summary>
    public ReadOnlyMemory<float>? QueryVector { get; init; }
}

/// <summary>An answer before verification. <see cref="Answered"/> false means "no answer" with <see cref="Reason"/>.</summary>
public sealed record AnswerDraft(bool Answered, IReadOnlyList<DraftSegment> Segments, double Confidence, string? Reason = null, AnswerMode Mode = AnswerMode.Extractive)
{
    public static AnswerDraft None(string reason, double confidence = 0, AnswerMode mode = AnswerMode.Extractive) => new(false, [], confidence, reason, mode);

    /// <summary>The single answer inside one of the quotes, when the answerer can tell it.</summary>
    public DraftHighlight? Highlight { get; init; }
}

/// <summary>A piece of <see cref="Quote"/> (from <see cref="Offset"/>, <see cref="Length"/> characters) that is the answer itself.</summary>
public sealed record DraftHighlight(string Quote, int Offset, int Length);
