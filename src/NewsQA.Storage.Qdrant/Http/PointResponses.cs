using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Http;

/// <summary>A stored point as read back (retrieve, scroll); the id is kept as JSON because Qdrant allows integers or UUIDs.</summary>
internal sealed record PointRecord(JsonElement Id, JsonObject? Payload);

internal sealed record ScoredPoint(JsonElement Id, double Score, JsonObject? Payload);

internal sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

internal sealed record ScrollResponse(IReadOnlyList<PointRecord> Points, JsonElement? NextPageOffset);

internal sealed record CountResponse(long Count);
