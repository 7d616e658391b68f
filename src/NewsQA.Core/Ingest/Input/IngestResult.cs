using System.Text.Json.Serialization;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input;

[JsonConverter(typeof(JsonStringEnumConverter<IngestStatus>))]
public enum IngestStatus
{
    [JsonStringEnumMemberName("created")]
    Created,

    [JsonStringEnumMemberName("updated")]
    Updated,

    [JsonStringEnumMemberName("unchanged")]
    Unchanged,
}

public sealed record IngestResult(string Id, string Title, PublicationDate? PublishedAt, int Chunks, string ContentHash, IngestStatus Status, string Language = NewsQA.Core.Language.LanguageCode.Undetermined)
{
    /// <summary>The story the document belongs to (<see cref="NewsDocument.StoryId"/>); null only for an input a bulk run found unchanged against an earlier input of the same run.</summary>
    public string? StoryId { get; init; }
}
