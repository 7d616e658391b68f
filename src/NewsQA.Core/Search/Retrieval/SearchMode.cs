using System.Text.Json.Serialization;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>Which retrieval runs: both fused (default), vectors only, or lexical only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchMode>))]
public enum SearchMode
{
    [JsonStringEnumMemberName("hybrid")]
    Hybrid,

    [JsonStringEnumMemberName("dense")]
    Dense,

    [JsonStringEnumMemberName("lexical")]
    Lexical,
}
