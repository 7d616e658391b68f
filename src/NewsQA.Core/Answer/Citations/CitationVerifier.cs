using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Answer.Citations;

/// <summary>
/// The last gate before an answer leaves the service: each quote must occur in its document's stored
/// text. A quote with a span must match <c>text[span]</c> exactly; one without is located in the text
/// (in its chunk first). Quotes that cannot be found are dropped, never sent.
/// </summary>
public sealed class CitationVerifier(IDocumentStore store)
{
    public async Task<VerifiedAnswer> VerifyAsync(IReadOnlyList<DraftSegment> draft, CancellationToken cancellationToken = default)
    {
        var documents = new Dictionary<string, NewsDocument?>(StringComparer.Ordinal);
        var citations = new List<Citation>();
        var segments = new List<AnswerSegment>();
        var dropped = 0;
        foreach (var segment in draft)
        {
            var ids = new List<int>();
            foreach (var quote in segment.Quotes)
            {
                if (NotAnAnswer.Holds(quote.Quote))
                {
                    dropped++;
                    continue;
                }

                if (!documents.TryGetValue(quote.DocumentId, out var document))
                {
                    document = await store.GetAsync(quote.DocumentId, cancellationToken).ConfigureAwait(false);
                    documents[quote.DocumentId] = document;
                }

                TextSpan? span = null;
                if (document is not null)
                {
                    span = quote.Span is { } given && QuoteLocator.IsAt(document.Text, given, quote.Quote)
                        ? given
                        : QuoteLocator.Locate(document.Text, quote.Quote, region: await ChunkSpanAsync(quote, cancellationToken).ConfigureAwait(false));
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
}

/// <summary>Segments with the ids of their verified citations, the citations, and how many quotes were dropped.</summary>
public sealed record VerifiedAnswer(IReadOnlyList<AnswerSegment> Segments, IReadOnlyList<Citation> Citations, int DroppedQuotes);
