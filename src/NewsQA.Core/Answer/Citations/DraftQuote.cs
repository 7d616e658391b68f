using NewsQA.Core.Documents;

namespace NewsQA.Core.Answer.Citations;

/// <summary>A piece of an answer before verification and the quotes that are to back it.</summary>
public sealed record DraftSegment(string Text, IReadOnlyList<DraftQuote> Quotes);

/// <summary>A quote the answerer claims is in a document; <see cref="Span"/> (document coordinates) when it knows where.</summary>
public sealed record DraftQuote(string DocumentId, string ChunkId, string Quote, TextSpan? Span = null);
