using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Qdrant point ids are integers or UUIDs, our ids are strings: a name-based UUID (RFC 9562 version 5, SHA-1)
/// maps each to a fixed point id, so a retried or repeated upsert overwrites instead of duplicating and no
/// lookup is needed before a write.
/// </summary>
internal static class PointIds
{
    // A fixed namespace of our own, so our ids cannot meet another application's UUIDv5s.
    private static readonly Guid Namespace = new("3f6c1c8e-2b7a-4d52-9a61-6a7f0d9e4b11");

    /// <summary>The point holding the embedding model record in the documents collection.</summary>
    public static readonly Guid Meta = NameBased("meta:embedding-model");

    public static Guid Document(string documentId) => NameBased("document:" + documentId);

    /// <summary>A declared collection's point (<see cref="QdrantCollectionRegistry"/>).</summary>
    public static Guid Collection(string collection) => NameBased("collection:" + collection);

    /// <summary>
    /// The content hash is part of a chunk's point id, so a new version's chunks never overwrite the old
    /// version's: both coexist until the new document record commits and the stale ones are deleted.
    /// </summary>
    public static Guid Chunk(string chunkId, string contentHash) => NameBased("chunk:" + chunkId + "\n" + contentHash);

    private static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(uuid, bigEndian: true);
    }
}
