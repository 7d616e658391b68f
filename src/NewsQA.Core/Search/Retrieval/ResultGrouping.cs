using System.Text.Json.Serialization;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>How a search treats the copies of one story (<see cref="DocumentGrouping"/>): shown once (default), or every copy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultGrouping>))]
public enum ResultGrouping
{
    [JsonStringEnumMemberName("story")]
    Story,

    [JsonStringEnumMemberName("none")]
    None,
}
