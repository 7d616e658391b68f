using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>Point ids as Qdrant accepts them (unsigned integers or UUIDs), normalised to one string form for lookup and ordering.</summary>
internal static class FakeIds
{
    public static string Normalize(JsonNode? id)
    {
        if (id is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return Guid.TryParse(s, out var g) ? g.ToString("D") : throw new FakeQdrantException(400, $"'{s}' is not a valid point id");
        }

        if (id is JsonValue n && n.TryGetValue<ulong>(out var number))
        {
            return number.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new FakeQdrantException(400, "point id must be an unsigned integer or a UUID");
    }

    public static JsonNode ToJson(string id) =>
        Guid.TryParse(id, out _) ? JsonValue.Create(id) : JsonValue.Create(ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An error the fake answers with Qdrant's error shape and the given status.</summary>
internal sealed class FakeQdrantException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
