namespace NewsQA.Core.Answer;

/// <summary>
/// An answerer that can report its answer while it is being written, segment by segment, so a
/// streaming client sees text arrive before the whole answer exists. The returned draft stays
/// authoritative: its citations are verified afterwards like any other draft's.
/// </summary>
public interface IStreamingAnswerer : IAnswerer
{
    /// <summary>Writes the answer, calling <paramref name="onSegment"/> with the text of each segment as soon as it is complete, in order.</summary>
    Task<AnswerDraft> AnswerAsync(AnswerContext context, Func<string, CancellationToken, Task> onSegment, CancellationToken cancellationToken = default);
}
