using NewsQA.Core.Answering;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Citations;

/// <summary>
/// The last gate before an answer leaves the service: each quote must occur in its document's stored
/// text. A quote with a span must match <c>text[span]</c> exactly; one without is located in the text
/// (in its chunk first). Quotes that cannot be found are dropped, never sent.
/// </summary>
public sealed class CitationVerifier(INewsStore store)
{
    public async Task<VerifiedAnswer> VerifyAsync(AnswerDraft draft, CancellationToken cancellationToken = default)
    {
        var documents = new Dictionary<string, NewsDocument?>(StringComparer.Ordinal);
        var citations = new List<Citation>();
        var segments = new List<AnswerSegment>();
        var dropped = 0;
        foreach (var segment in draft.Segments)
        {
            var ids = new List<int>();
            foreach (var quote in segment.Quotes)
            {
                if (!documents.TryGetValue(quote.DocumentId, out var document))
                {
                    document = await store.GetAsync(quote.DocumentId, cancellationToken).ConfigureAwait(false);
                    documents[quote.DocumentId] = document;
                }

                TextSpan? span = null;
                if (document is not null)
                {
                    span = quote.Span is { } given && IsAt(document.Text, given, quote.Quote)
                        ? given
                        : Locate(document, quote, await ChunkSpanAsync(quote, cancellationToken).ConfigureAwait(false));
                }

                if (span is null || document is null)
                {
                    dropped++;
                    continue;
                }

                var existing = citations.FirstOrDefault(c => c.DocumentId == document.Id && c.Span == span.Value);
                if (existing is null)
                {
                    existing = new Citation(citations.Count + 1, document.Id, quote.ChunkId, document.Title, document.Url, document.PublishedAt, span.Value.Slice(document.Text), span.Value);
                    citations.Add(existing);
                }

                if (!ids.Contains(existing.Id))
                {
                    ids.Add(existing.Id);
                }
            }

            segments.Add(new AnswerSegment(segment.Text, ids));
        }

        return new VerifiedAnswer(segments, citations, dropped);
    }

    private async Task<TextSpan?> ChunkSpanAsync(DraftQuote quote, CancellationToken cancellationToken)
    {
        var chunks = await store.GetChunksAsync(quote.DocumentId, cancellationToken).ConfigureAwait(false);
        return chunks.FirstOrDefault(c => c.Id == quote.ChunkId)?.Span;
    }

    /// <summary>Where the quote stands in the document text, or null if it does not occur there.</summary>
    public static TextSpan? Locate(NewsDocument document, DraftQuote quote, TextSpan? chunkSpan = null)
    {
        var text = document.Text;
        if (string.IsNullOrEmpty(quote.Quote))
        {
            return null;
        }

        if (quote.Span is { } given && IsAt(text, given, quote.Quote))
        {
            return given;
        }

        if (chunkSpan is { } c && c.IsValidFor(text))
        {
            var inChunk = text.IndexOf(quote.Quote, c.Start, c.Length, StringComparison.Ordinal);
            if (inChunk >= 0)
            {
                return new TextSpan(inChunk, inChunk + quote.Quote.Length);
            }
        }

        var anywhere = text.IndexOf(quote.Quote, StringComparison.Ordinal);
        return anywhere >= 0 ? new TextSpan(anywhere, anywhere + quote.Quote.Length) : null;
    }

    private static bool IsAt(string text, TextSpan span, string quote) =>
        span.IsValidFor(text) && span.Length == quote.Length && string.CompareOrdinal(text, span.Start, quote, 0, span.Length) == 0;
}

/// <summary>Segments with the ids of their verified citations, the citations, and how many quotes were dropped.</summary>
public sealed record VerifiedAnswer(IReadOnlyList<AnswerSegment> Segments, IReadOnlyList<Citation> Citations, int DroppedQuotes);
