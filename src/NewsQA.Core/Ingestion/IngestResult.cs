using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingestion;

public enum IngestStatus
{
    Created,
    Updated,
    Unchanged,
}

public sealed record IngestResult(string Id, string Title, PublicationDate? PublishedAt, int Chunks, string ContentHash, IngestStatus Status);
