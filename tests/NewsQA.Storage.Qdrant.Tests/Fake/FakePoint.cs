using Google.Protobuf.Collections;
using Grpc.Core;
using NewsQA.Storage.Qdrant.Tests.Fake.Wire;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>A point in the fake: dense vectors kept L2-normalised (as Qdrant does for Cosine), sparse ones as index → weight.</summary>
internal sealed class FakePoint(string id, MapField<string, Value> payload)
{
    public string Id { get; } = id;

    public PointId WireId => FakeIds.ToWire(Id);

    public MapField<string, Value> Payload { get; } = payload;

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public bool HasVector(string name) => Dense.ContainsKey(name) || Sparse.ContainsKey(name);
}

/// <summary>Point ids as Qdrant accepts them (unsigned integers or UUIDs), normalised to one string form for lookup and ordering.</summary>
internal static class FakeIds
{
    public static string Normalize(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, out var g) => g.ToString("D"),
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw FakeErrors.BadInput($"Unable to parse point id {id}"),
    };

    public static PointId ToWire(string id) =>
        Guid.TryParse(id, out _) ? new PointId { Uuid = id } : new PointId { Num = ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>
/// Errors as Qdrant's gRPC layer sends them: StorageError kinds mapped to status codes as in
/// lib/storage/src/content_manager/conversions.rs (BadInput → InvalidArgument, NotFound → NotFound,
/// AlreadyExists → AlreadyExists).
/// </summary>
internal static class FakeErrors
{
    public static RpcException BadInput(string message) => new(new Status(StatusCode.InvalidArgument, "Wrong input: " + message));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, "Not found: " + message));

    public static RpcException AlreadyExists(string message) => new(new Status(StatusCode.AlreadyExists, message));
}
