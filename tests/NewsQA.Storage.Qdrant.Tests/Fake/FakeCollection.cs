using Google.Protobuf.Collections;
using NewsQA.Storage.Qdrant.Tests.Fake.Wire;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>One collection of the fake Qdrant: its named vectors, payload indexes and points, behind one lock.</summary>
internal sealed class FakeCollection
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, FakePoint> points = new(StringComparer.Ordinal);
    private readonly FakeSchema schema = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public FakeCollection(CreateCollection create)
    {
        Created = create.Clone();
        if (create.VectorsConfig?.ConfigCase == VectorsConfig.ConfigOneofCase.Params)
        {
            throw FakeErrors.BadInput("the fake supports named vectors only");
        }

        foreach (var (name, config) in create.VectorsConfig?.ParamsMap?.Map ?? new MapField<string, VectorParams>())
        {
            schema.Dense[name] = (int)config.Size;
        }

        foreach (var (name, config) in create.SparseVectorsConfig?.Map ?? new MapField<string, SparseVectorParams>())
        {
            schema.Sparse[name] = config.HasModifier && config.Modifier == Modifier.Idf;
        }
    }

    /// <summary>The create request as received: shard number, replication and write consistency are checked by tests.</summary>
    public CreateCollection Created { get; }

    private readonly HashSet<string> tenantFields = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a keyword index made with <c>is_tenant</c> (other payload indexes only speed Qdrant up, and nothing reads
    /// them back). Two replicas starting at once create the same indexes at the same moment, so this takes the
    /// collection's lock like every other change.
    /// </summary>
    public void IndexField(string field, bool tenant)
    {
        if (!tenant)
        {
            return;
        }

        lock (gate)
        {
            tenantFields.Add(field);
        }
    }

    /// <summary>Removes a payload field from every point: a point as an older build wrote it.</summary>
    public void RemovePayloadField(string key)
    {
        lock (gate)
        {
            foreach (var point in points.Values)
            {
                point.Payload.Remove(key);
            }
        }
    }

    /// <summary>Keyword fields indexed with <c>is_tenant</c>: a layout hint to Qdrant, no change to what a filter matches.</summary>
    public IReadOnlyCollection<string> TenantFields
    {
        get
        {
            lock (gate)
            {
                return [.. tenantFields];
            }
        }
    }

    public CollectionInfo Info()
    {
        lock (gate)
        {
            var dense = new VectorParamsMap();
            foreach (var (name, size) in schema.Dense)
            {
                dense.Map[name] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine };
            }

            var sparse = new SparseVectorConfig();
            foreach (var (name, idf) in schema.Sparse)
            {
                sparse.Map[name] = idf ? new SparseVectorParams { Modifier = Modifier.Idf } : new SparseVectorParams();
            }

            var parameters = new CollectionParams
            {
                ShardNumber = Created.HasShardNumber ? Created.ShardNumber : 1,
                ReplicationFactor = Created.HasReplicationFactor ? Created.ReplicationFactor : 1,
                WriteConsistencyFactor = Created.HasWriteConsistencyFactor ? Created.WriteConsistencyFactor : 1,
                VectorsConfig = new VectorsConfig { ParamsMap = dense },
                SparseVectorsConfig = sparse,
            };
            return new CollectionInfo { Status = CollectionStatus.Green, PointsCount = (ulong)points.Count, Config = new CollectionConfig { Params = parameters } };
        }
    }

    /// <summary>
    /// Adding a named vector: the same name with an identical config is a no-op, a different config or kind is
    /// BadInput (lib/collection/src/collection/vector_name_schema.rs, add_vector_to_config).
    /// </summary>
    public void AddVector(CreateVectorNameRequest request)
    {
        lock (gate)
        {
            var name = request.VectorName;
            if (request.VectorConfigCase == CreateVectorNameRequest.VectorConfigOneofCase.DenseConfig)
            {
                var size = (int)request.DenseConfig.Size;
                if (size < 1)
                {
                    throw FakeErrors.BadInput("Validation error: size must be at least 1");
                }

                if (schema.Dense.TryGetValue(name, out var existing))
                {
                    _ = existing == size ? 0 : throw FakeErrors.BadInput($"Vector `{name}` already exists with a different configuration");
                    return;
                }

                _ = schema.Sparse.ContainsKey(name) ? throw FakeErrors.BadInput($"Vector `{name}` already exists as a sparse vector") : 0;
                schema.Dense[name] = size;
            }
            else
            {
                var idf = request.SparseConfig?.HasModifier == true && request.SparseConfig.Modifier == Modifier.Idf;
                if (schema.Sparse.TryGetValue(name, out var existing))
                {
                    _ = existing == idf ? 0 : throw FakeErrors.BadInput($"Sparse vector `{name}` already exists with a different configuration");
                    return;
                }

                _ = schema.Dense.ContainsKey(name) ? throw FakeErrors.BadInput($"Vector `{name}` already exists as a dense vector") : 0;
                schema.Sparse[name] = idf;
            }
        }
    }

    /// <summary>Removing a named vector drops it from every point; an unknown name is not an error (vector_name_schema.rs, remove_vector_from_config).</summary>
    public void RemoveVector(string name)
    {
        lock (gate)
        {
            schema.Dense.Remove(name);
            schema.Sparse.Remove(name);
            foreach (var point in points.Values)
            {
                point.Dense.Remove(name);
                point.Sparse.Remove(name);
            }
        }
    }

    public void Upsert(UpsertPoints request)
    {
        lock (gate)
        {
            var parsed = request.Points.Select(Parse).ToList(); // validate all before writing any, like Qdrant's batch
            parsed.ForEach(p => points[p.Id] = p);
        }
    }

    public void Delete(DeletePoints request)
    {
        lock (gate)
        {
            var doomed = request.Points.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Points
                ? request.Points.Points.Ids.Select(FakeIds.Normalize).ToList()
                : points.Values.Where(p => FakeFilter.Matches(request.Points.Filter, p)).Select(p => p.Id).ToList();
            doomed.ForEach(id => points.Remove(id));
        }
    }

    public IEnumerable<RetrievedPoint> Get(GetPoints request)
    {
        lock (gate)
        {
            return [.. request.Ids.Select(FakeIds.Normalize).Where(points.ContainsKey).Select(id => Retrieved(points[id], request.WithPayload))];
        }
    }

    /// <summary>
    /// Points in id order from the offset (inclusive); the next page offset is the id of the first point past the
    /// page, none on the last page (lib/collection/src/collection/point_ops.rs, scroll_by).
    /// </summary>
    public ScrollResponse Scroll(ScrollPoints request)
    {
        lock (gate)
        {
            var limit = request.HasLimit ? (int)request.Limit : 10;
            var offset = request.Offset is { } o ? FakeIds.Normalize(o) : null;
            var matching = points.Values
                .Where(p => offset is null || string.CompareOrdinal(p.Id, offset) >= 0)
                .Where(p => FakeFilter.Matches(request.Filter, p))
                .Take(limit + 1)
                .ToList();
            var response = new ScrollResponse();
            response.Result.AddRange(matching.Take(limit).Select(p => Retrieved(p, request.WithPayload)));
            if (matching.Count > limit)
            {
                response.NextPageOffset = matching[limit].WireId;
            }

            return response;
        }
    }

    public ulong Count(CountPoints request)
    {
        lock (gate)
        {
            return (ulong)points.Values.Count(p => FakeFilter.Matches(request.Filter, p));
        }
    }

    public QueryResponse Query(QueryPoints request)
    {
        lock (gate)
        {
            var ranked = FakeQuery.Run(request, schema, points.Values);
            var response = new QueryResponse();
            foreach (var (point, score) in ranked.Take((int)FakeQuery.Limit(request.HasLimit, request.Limit)))
            {
                var scored = new ScoredPoint { Id = point.WireId, Score = score };
                // A query returns no payload unless asked (with_payload defaults to false).
                scored.Payload.Add(Select(point.Payload, request.WithPayload, defaultPayload: false));
                response.Result.Add(scored);
            }

            return response;
        }
    }

    private FakePoint Parse(PointStruct p)
    {
        var point = new FakePoint(FakeIds.Normalize(p.Id), p.Payload.Clone());
        if (p.Vectors is { VectorsOptionsCase: Vectors.VectorsOptionsOneofCase.Vector })
        {
            throw FakeErrors.BadInput("the fake supports named vectors only");
        }

        foreach (var (name, vector) in p.Vectors?.Vectors_?.Vectors ?? new MapField<string, Vector>())
        {
            // A vector comes in the oneof or, from older clients, in the deprecated data (+ indices for sparse) fields: Qdrant takes both.
#pragma warning disable CS0612
            var sparse = vector.VectorCase == Vector.VectorOneofCase.Sparse || (vector.VectorCase == Vector.VectorOneofCase.None && vector.Indices is not null);
            if (sparse)
            {
                _ = schema.Sparse.ContainsKey(name) ? 0 : throw FakeErrors.BadInput($"Not existing vector name error: {name}");
                point.Sparse[name] = vector.VectorCase == Vector.VectorOneofCase.Sparse
                    ? FakeQuery.Sparse(vector.Sparse.Indices, vector.Sparse.Values)
                    : FakeQuery.Sparse(vector.Indices!.Data, vector.Data);
                continue;
            }

            var data = vector.VectorCase == Vector.VectorOneofCase.Dense ? [.. vector.Dense.Data] : vector.Data.ToArray();
            if (!schema.Dense.TryGetValue(name, out var size))
            {
                throw FakeErrors.BadInput($"Not existing vector name error: {name}");
            }

            _ = data.Length == size ? 0 : throw FakeErrors.BadInput($"Vector dimension error: expected dim: {size}, got {data.Length}");
            point.Dense[name] = FakeQuery.Normalize(data);
#pragma warning restore CS0612
        }

        return point;
    }

    private static RetrievedPoint Retrieved(FakePoint point, WithPayloadSelector? with)
    {
        var retrieved = new RetrievedPoint { Id = point.WireId };
        retrieved.Payload.Add(Select(point.Payload, with, defaultPayload: false));
        return retrieved;
    }

    private static MapField<string, Value> Select(MapField<string, Value> payload, WithPayloadSelector? with, bool defaultPayload)
    {
        bool Keep(string key) => with?.SelectorOptionsCase switch
        {
            null or WithPayloadSelector.SelectorOptionsOneofCase.None => defaultPayload,
            WithPayloadSelector.SelectorOptionsOneofCase.Enable => with.Enable,
            WithPayloadSelector.SelectorOptionsOneofCase.Include => with.Include.Fields.Contains(key),
            WithPayloadSelector.SelectorOptionsOneofCase.Exclude => !with.Exclude.Fields.Contains(key),
            _ => false,
        };

        var picked = new MapField<string, Value>();
        foreach (var (key, value) in payload)
        {
            if (Keep(key))
            {
                picked[key] = value.Clone();
            }
        }

        return picked;
    }
}
