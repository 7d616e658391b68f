using NewsQA.Core.Configuration;

namespace NewsQA.Api.Security;

public sealed class AuthOptions : ISectionOptions
{
    public static string Section => "Auth";

    /// <summary>
    /// A key with every right: it reads and writes every collection (<see cref="CollectionAccess"/>), as the one key
    /// did before collections. Sent in <c>X-Api-Key</c>. Unset, and no <see cref="Keys"/>: writes only from loopback.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, the default collection is not public: reading it needs a key too (unless <c>Collections:Public</c> names it).</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Keys scoped to collections (<c>Auth:Keys:N:Key</c>, <c>:Read</c>, <c>:Write</c>); reloaded when the configuration changes.</summary>
    public List<ScopedKeyOptions> Keys { get; set; } = [];

    /// <summary>Whether any key is configured: then an unkeyed write is refused instead of checked for loopback.</summary>
    public bool HasKeys => !string.IsNullOrEmpty(ApiKey) || Keys.Any(k => !string.IsNullOrEmpty(k.Key));
}

/// <summary>One key and the collections it may read and write; <c>*</c> stands for every collection. Writing does not imply reading.</summary>
public sealed class ScopedKeyOptions
{
    public string? Key { get; set; }

    public List<string> Read { get; set; } = [];

    public List<string> Write { get; set; } = [];
}

/// <summary>The <c>Collections</c> section: which collections anyone may read without a key.</summary>
public sealed class CollectionsOptions : ISectionOptions
{
    public static string Section => "Collections";

    /// <summary>
    /// Collections readable without a key. Unset: <c>default</c>, unless <c>Auth:RequireKeyForReads</c> (then none),
    /// which is how reads worked before collections.
    /// </summary>
    public List<string>? Public { get; set; }
}
