using System.Collections.Concurrent;
using Grpc.Core;
using NewsQA.Storage.Qdrant.Tests.Fake.Wire;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>The collections the fake holds; it outlives the Kestrel host, so data survives a restart.</summary>
internal sealed class FakeQdrantState
{
    public ConcurrentDictionary<string, FakeCollection> Collections { get; } = new(StringComparer.Ordinal);

    public FakeCollection Get(string name) =>
        Collections.TryGetValue(name, out var c) ? c : throw FakeErrors.NotFound($"Collection `{name}` doesn't exist!");
}

/// <summary>Qdrant's Collections service (generated from its collections_service.proto), the calls the store makes.</summary>
internal sealed class FakeCollectionsService(FakeQdrantState state) : Collections.CollectionsBase
{
    /// <summary>An existing name is AlreadyExists (lib/storage/src/content_manager/collections_ops.rs, validate_collection_not_exists).</summary>
    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context) =>
        state.Collections.TryAdd(request.CollectionName, new FakeCollection(request))
            ? Task.FromResult(new CollectionOperationResponse { Result = true })
            : throw FakeErrors.AlreadyExists($"Collection `{request.CollectionName}` already exists!");

    public override Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context) =>
        Task.FromResult(new CollectionExistsResponse { Result = new Wire.CollectionExists { Exists = state.Collections.ContainsKey(request.CollectionName) } });

    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCollectionInfoResponse { Result = state.Get(request.CollectionName).Info() });

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = state.Collections.TryRemove(request.CollectionName, out _) });
}

/// <summary>Qdrant's Points service (generated from its points_service.proto), the calls the store makes.</summary>
internal sealed class FakePointsService(FakeQdrantState state) : Points.PointsBase
{
    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context) =>
        Completed(() => state.Get(request.CollectionName).Upsert(request));

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context) =>
        Completed(() => state.Get(request.CollectionName).Delete(request));

    public override Task<GetResponse> Get(GetPoints request, ServerCallContext context)
    {
        var response = new GetResponse();
        response.Result.AddRange(state.Get(request.CollectionName).Get(request));
        return Task.FromResult(response);
    }

    public override Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context) =>
        Task.FromResult(state.Get(request.CollectionName).Scroll(request));

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context) =>
        Task.FromResult(new CountResponse { Result = new CountResult { Count = state.Get(request.CollectionName).Count(request) } });

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context) =>
        Task.FromResult(state.Get(request.CollectionName).Query(request));

    /// <summary>
    /// Each query of the batch runs on the batch's collection, results in request order (src/tonic/api/query_common.rs,
    /// query_batch: the per-query collection name is not read).
    /// </summary>
    public override Task<QueryBatchResponse> QueryBatch(QueryBatchPoints request, ServerCallContext context)
    {
        var collection = state.Get(request.CollectionName);
        var response = new QueryBatchResponse();
        foreach (var query in request.QueryPoints)
        {
            var result = new BatchResult();
            result.Result.AddRange(collection.Query(query).Result);
            response.Result.Add(result);
        }

        return Task.FromResult(response);
    }

    /// <summary>Payload indexes only speed Qdrant up; the fake records a tenant field (FakeCollection.IndexField) and answers as Qdrant does.</summary>
    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context) =>
        Completed(() =>
        {
            state.Get(request.CollectionName).IndexField(request.FieldName, tenant: request.FieldIndexParams?.KeywordIndexParams is { IsTenant: true });
        });

    public override Task<PointsOperationResponse> CreateVectorName(CreateVectorNameRequest request, ServerCallContext context) =>
        Completed(() => state.Get(request.CollectionName).AddVector(request));

    public override Task<PointsOperationResponse> DeleteVectorName(DeleteVectorNameRequest request, ServerCallContext context) =>
        Completed(() => state.Get(request.CollectionName).RemoveVector(request.VectorName));

    private static Task<PointsOperationResponse> Completed(Action apply)
    {
        apply();
        return Task.FromResult(new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } });
    }

    private static Task<PointsOperationResponse> Completed(Func<bool> apply) => Completed(() => { apply(); });
}
