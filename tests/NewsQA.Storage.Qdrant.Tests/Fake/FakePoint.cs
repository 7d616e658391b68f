using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>A point in the fake: dense vectors kept L2-normalised (as Qdrant does for Cosine), sparse ones as index → weight.</summary>
internal sealed class FakePoint(string id, JsonObject payload)
{
    public string Id { get; } = id;

    public JsonObject Payload { get; set; } = payload;

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public bool HasVector(string name) => Dense.ContainsKey(name) || Sparse.ContainsKey(name);
}
