using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsQA.Storage.Qdrant.Http;

/// <summary>Qdrant's wire format is snake_case; absent optional fields are omitted rather than sent as null.</summary>
internal static class QdrantJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Every Qdrant response: <c>{ "result": ..., "status": "ok" | { "error": ... }, "time": ... }</c>.</summary>
internal sealed record QdrantResponse<T>(T? Result, JsonElement Status);
