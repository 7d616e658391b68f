using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>One collection of the fake Qdrant: its named vector config and its points, behind one lock.</summary>
internal sealed class FakeCollection
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, FakePoint> points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> dense = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> sparse = new(StringComparer.Ordinal); // name → IDF modifier

    public HashSet<string> IndexedFields { get; } = new(StringComparer.Ordinal);

    public FakeCollection(JsonObject create)
    {
        if (create["vectors"] is JsonObject vectors)
        {
            if (vectors.ContainsKey("size"))
            {
                throw new FakeQdrantException(400, "the fake supports named vectors only");
            }

            foreach (var (name, config) in vectors)
            {
                dense[name] = config!["size"]!.GetValue<int>();
            }
        }

        if (create["sparse_vectors"] is JsonObject sparseVectors)
        {
            foreach (var (name, config) in sparseVectors)
            {
                sparse[name] = config?["modifier"]?.GetValue<string>() is "idf";
            }
        }
    }

    public JsonObject Info()
    {
        lock (gate)
        {
            var vectors = new JsonObject();
            foreach (var (name, size) in dense)
            {
                vectors[name] = new JsonObject { ["size"] = size, ["distance"] = "Cosine" };
            }

            var sparseVectors = new JsonObject();
            foreach (var (name, idf) in sparse)
            {
                sparseVectors[name] = idf ? new JsonObject { ["modifier"] = "idf" } : new JsonObject();
            }

            return new JsonObject
            {
                ["status"] = "green",
                ["points_count"] = points.Count,
                ["config"] = new JsonObject { ["params"] = new JsonObject { ["vectors"] = vectors, ["sparse_vectors"] = sparseVectors } },
                ["payload_schema"] = new JsonObject(),
            };
        }
    }

    public void AddVector(string name, JsonObject body)
    {
        lock (gate)
        {
            if (dense.ContainsKey(name) || sparse.ContainsKey(name))
            {
                throw new FakeQdrantException(409, $"vector '{name}' already exists");
            }

            if (body["dense"] is JsonObject d)
            {
                dense[name] = d["size"]!.GetValue<int>() is var size and >= 1 ? size : throw new FakeQdrantException(422, "Validation error: size must be at least 1");
            }
            else
            {
                sparse[name] = body["sparse"]?["modifier"]?.GetValue<string>() is "idf";
            }
        }
    }

    public void RemoveVector(string name)
    {
        lock (gate)
        {
            if (!dense.Remove(name) && !sparse.Remove(name))
            {
                throw new FakeQdrantException(404, $"vector '{name}' does not exist");
            }

            foreach (var point in points.Values)
            {
                point.Dense.Remove(name);
                point.Sparse.Remove(name);
            }
        }
    }

    public void Upsert(JsonObject body)
    {
        var incoming = body["points"]?.AsArray() ?? throw new FakeQdrantException(400, "points missing");
        var parsed = incoming.Select(p => Parse(p!.AsObject())).ToList(); // validate all before writing any, like Qdrant's batch
        lock (gate)
        {
            parsed.ForEach(p => points[p.Id] = p);
        }
    }

    public void Delete(JsonObject body)
    {
        lock (gate)
        {
            var doomed = body["points"] is JsonArray ids
                ? ids.Select(FakeIds.Normalize).ToList()
                : points.Values.Where(p => FakeFilter.Matches(body["filter"], p)).Select(p => p.Id).ToList();
            doomed.ForEach(id => points.Remove(id));
        }
    }

    public JsonArray Retrieve(JsonObject body)
    {
        lock (gate)
        {
            var found = new JsonArray();
            foreach (var id in body["ids"]!.AsArray().Select(FakeIds.Normalize))
            {
                if (points.TryGetValue(id, out var p))
                {
                    found.Add(Record(p, body["with_payload"], defaultPayload: true));
                }
            }

            return found;
        }
    }

    /// <summary>Points in id order from <c>offset</c> (inclusive), as Qdrant's scroll without <c>order_by</c>.</summary>
    public JsonObject Scroll(JsonObject body)
    {
        lock (gate)
        {
            var limit = body["limit"]?.GetValue<int>() ?? 10;
            var offset = body["offset"] is JsonNode o ? FakeIds.Normalize(o) : null;
            var matching = points.Values
                .Where(p => offset is null || string.CompareOrdinal(p.Id, offset) >= 0)
                .Where(p => FakeFilter.Matches(body["filter"], p))
                .Take(limit + 1)
                .ToList();
            var page = new JsonArray([.. matching.Take(limit).Select(p => (JsonNode)Record(p, body["with_payload"], defaultPayload: true))]);
            return new JsonObject { ["points"] = page, ["next_page_offset"] = matching.Count > limit ? FakeIds.ToJson(matching[limit].Id) : null };
        }
    }

    public long Count(JsonObject body)
    {
        lock (gate)
        {
            return points.Values.Count(p => FakeFilter.Matches(body["filter"], p));
        }
    }

    public JsonObject Query(JsonObject body)
    {
        lock (gate)
        {
            var ranked = FakeQuery.Run(body, points.Values, dense, sparse);
            var limit = body["limit"]?.GetValue<int>() ?? 10;
            var result = new JsonArray();
            foreach (var (point, score) in ranked.Take(limit))
            {
                var record = Record(point, body["with_payload"], defaultPayload: false);
                record["score"] = score;
                record["version"] = 0;
                result.Add(record);
            }

            return new JsonObject { ["points"] = result };
        }
    }

    private FakePoint Parse(JsonObject p)
    {
        var point = new FakePoint(FakeIds.Normalize(p["id"]), p["payload"]?.DeepClone().AsObject() ?? []);
        if (p["vector"] is not JsonObject vectors)
        {
            throw new FakeQdrantException(400, "the fake supports named vectors only");
        }

        foreach (var (name, value) in vectors)
        {
            if (value is JsonArray array)
            {
                if (!dense.TryGetValue(name, out var size))
                {
                    throw new FakeQdrantException(400, $"Wrong input: Not existing vector name error: {name}");
                }

                var v = array.Select(x => x!.GetValue<float>()).ToArray();
                if (v.Length != size)
                {
                    throw new FakeQdrantException(400, $"Wrong input: Vector dimension error: expected dim: {size}, got {v.Length}");
                }

                point.Dense[name] = FakeQuery.Normalize(v);
            }
            else if (value is JsonObject s)
            {
                if (!sparse.ContainsKey(name))
                {
                    throw new FakeQdrantException(400, $"Wrong input: Not existing vector name error: {name}");
                }

                point.Sparse[name] = FakeQuery.Sparse(s);
            }
        }

        return point;
    }

    private static JsonObject Record(FakePoint point, JsonNode? withPayload, bool defaultPayload)
    {
        var record = new JsonObject { ["id"] = FakeIds.ToJson(point.Id) };
        var payload = Select(point.Payload, withPayload, defaultPayload);
        if (payload is not null)
        {
            record["payload"] = payload;
        }

        return record;
    }

    private static JsonObject? Select(JsonObject payload, JsonNode? with, bool defaultPayload)
    {
        switch (with)
        {
            case null:
                return defaultPayload ? payload.DeepClone().AsObject() : null;
            case JsonValue flag:
                return flag.GetValue<bool>() ? payload.DeepClone().AsObject() : null;
            case JsonArray include:
                return Pick(payload, k => include.Any(i => i!.GetValue<string>() == k));
            case JsonObject selector when selector["include"] is JsonArray include:
                return Pick(payload, k => include.Any(i => i!.GetValue<string>() == k));
            case JsonObject selector when selector["exclude"] is JsonArray exclude:
                return Pick(payload, k => !exclude.Any(i => i!.GetValue<string>() == k));
            default:
                throw new FakeQdrantException(400, "unsupported with_payload");
        }
    }

    private static JsonObject Pick(JsonObject payload, Func<string, bool> keep)
    {
        var picked = new JsonObject();
        foreach (var (key, value) in payload)
        {
            if (keep(key))
            {
                picked[key] = value?.DeepClone();
            }
        }

        return picked;
    }
}
