using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Documents;

/// <summary>
/// Every document belongs to one collection, and its identity is (collection, id). Stores key a document by one
/// string, this key: the plain id in the <see cref="DefaultCollection"/>, <c>collection/id</c> in any other. An id
/// never holds '/' (<see cref="DocumentId"/>), so a key splits one way only; and a store written before collections
/// existed already holds the keys of its documents in <c>default</c>, so it needs no rewrite to be read. Keys stay
/// inside the service: the wire carries the plain id and a <c>collection</c> field.
/// </summary>
public static class DocumentKey
{
    public const string DefaultCollection = "default";

    private const char Separator = '/';

    /// <summary>Collection names follow the document id rule (<see cref="DocumentId.IsValid"/>): one rule, one home.</summary>
    public static bool IsValidCollection(string? name) => DocumentId.IsValid(name);

    public static string DescribeCollection => DocumentId.Describe;

    /// <summary>The store key of <paramref name="id"/> in <paramref name="collection"/> (null: the default collection).</summary>
    public static string Of(string? collection, string id) =>
        collection is null or DefaultCollection ? id : string.Concat(collection, Separator.ToString(), id);

    /// <summary>The collection a store key (or a chunk id derived from one) belongs to.</summary>
    public static string CollectionOf(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? DefaultCollection : key[..at];
    }

    /// <summary>The plain id (or chunk id) a store key stands for inside its collection.</summary>
    public static string IdOf(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? key : key[(at + 1)..];
    }

    /// <summary>Whether a store key belongs to <paramref name="collection"/>; cheap enough for a scan's inner loop.</summary>
    public static bool IsIn(string key, string collection) =>
        collection == DefaultCollection
            ? key.IndexOf(Separator, StringComparison.Ordinal) < 0
            : key.Length > collection.Length && key[collection.Length] == Separator && key.StartsWith(collection, StringComparison.Ordinal);
}
