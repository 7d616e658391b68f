using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>Qdrant filter semantics on the fake's points: must / must_not / should, match value/any, range, has_id, has_vector, nested filters.</summary>
internal static class FakeFilter
{
    public static bool Matches(JsonNode? filter, FakePoint point)
    {
        if (filter is not JsonObject f)
        {
            return true;
        }

        var must = Conditions(f["must"]);
        var mustNot = Conditions(f["must_not"]);
        var should = Conditions(f["should"]);
        return must.All(c => Condition(c, point))
            && !mustNot.Any(c => Condition(c, point))
            && (should.Count == 0 || should.Any(c => Condition(c, point)));
    }

    private static List<JsonNode> Conditions(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Where(n => n is not null).Select(n => n!)],
        JsonObject single => [single],
        _ => [],
    };

    private static bool Condition(JsonNode condition, FakePoint point)
    {
        var c = condition.AsObject();
        if (c["has_id"] is JsonArray ids)
        {
            return ids.Any(id => FakeIds.Normalize(id) == point.Id);
        }

        if (c["has_vector"] is JsonValue vector)
        {
            return point.HasVector(vector.GetValue<string>());
        }

        if (c.ContainsKey("must") || c.ContainsKey("must_not") || c.ContainsKey("should"))
        {
            return Matches(c, point);
        }

        var key = c["key"]?.GetValue<string>() ?? throw new FakeQdrantException(400, "condition without key");
        var values = Values(point.Payload[key]);
        if (values.Count == 0)
        {
            return false; // Qdrant: a condition on a missing field never matches.
        }

        if (c["match"] is JsonObject match)
        {
            if (match["value"] is JsonNode value)
            {
                return values.Any(v => JsonNode.DeepEquals(v, value));
            }

            if (match["any"] is JsonArray any)
            {
                return values.Any(v => any.Any(a => JsonNode.DeepEquals(v, a)));
            }
        }

        if (c["range"] is JsonObject range)
        {
            return values.Any(v => v is JsonValue n && n.TryGetValue<double>(out var x) && InRange(x, range));
        }

        throw new FakeQdrantException(400, $"unsupported condition: {c.ToJsonString()}");
    }

    private static bool InRange(double x, JsonObject range) =>
        (range["gt"] is not JsonValue gt || x > gt.GetValue<double>())
        && (range["gte"] is not JsonValue gte || x >= gte.GetValue<double>())
        && (range["lt"] is not JsonValue lt || x < lt.GetValue<double>())
        && (range["lte"] is not JsonValue lte || x <= lte.GetValue<double>());

    private static List<JsonNode> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Where(n => n is not null).Select(n => n!)],
        _ => [node],
    };
}
