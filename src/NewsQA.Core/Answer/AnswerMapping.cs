using NewsQA.Core.Documents;

namespace NewsQA.Core.Answer;

/// <summary>
/// The answer as the wire carries it: Core cites documents by their store key (<see cref="DocumentKey"/>), a client
/// by the plain id inside the answer's <see cref="AnswerResult.Collection"/>. For <c>POST /api/ask</c>, its stream,
/// <c>newsqa ask --json</c> and the Semantic Kernel plugin.
/// </summary>
public static class AnswerMapping
{
    public static AnswerResult ForWire(this AnswerResult answer, string collection) => answer with
    {
        Citations = [.. answer.Citations.Select(c => c with { DocumentId = DocumentKey.IdOf(c.DocumentId), ChunkId = DocumentKey.IdOf(c.ChunkId), Story = c.Story?.OnTheWire() })],
        Sources = answer.Sources.ForWire(),
        Collection = collection,
    };

    public static IReadOnlyList<SourceReference> ForWire(this IReadOnlyList<SourceReference> sources) =>
        [.. sources.Select(s => s with { DocumentId = DocumentKey.IdOf(s.DocumentId) })];
}
