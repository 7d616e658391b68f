using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;
using Microsoft.Extensions.Options;
using NewsQA.Api.Errors;
using NewsQA.Core.Documents;

namespace NewsQA.Api.Security;

/// <summary>
/// The one answer to "may this request read (or write) collection C". Keys come from <c>Auth:ApiKey</c> (every right)
/// and <c>Auth:Keys</c> (the collections each may read and write, <c>*</c> for all), held only as SHA-256 digests and
/// matched in constant time against every configured key, so neither the match nor its position shows in the timing.
/// Configuration changes (a rotated key) apply to the next request: the digests are rebuilt whenever the options
/// monitor hands out new options. Reads of a collection in <c>Collections:Public</c> need no key; unkeyed writes follow
/// the loopback rule (<see cref="LocalWriteCheck"/>), for <c>default</c> only and only while no key is configured.
/// A refusal names at most the collection the request itself named, never what another collection holds.
/// </summary>
public sealed class CollectionAccess(IOptionsMonitor<AuthOptions> auth, IOptionsMonitor<CollectionsOptions> collections)
{
    public const string AllCollections = "*";

    /// <summary>The <see cref="HttpContext.Items"/> entry holding a request's <see cref="IdentifiedKey"/>.</summary>
    private static readonly object MatchItem = new();

    private Grants? grants;

    /// <summary>A key the request sent: none, one no configured key matches, or a known key with its rights.</summary>
    public KeyMatch Identify(HttpContext http)
    {
        var sent = http.Request.Headers[ApiKeyCheck.Header].ToString();
        if (sent.Length == 0)
        {
            return KeyMatch.None;
        }

        // One request is checked several times (its rate limit, its route's gate, the collection it names): the key is
        // matched once against the keys in force, and again only if they change meanwhile.
        var current = Current();
        if (http.Items.TryGetValue(MatchItem, out var seen) && seen is IdentifiedKey known && ReferenceEquals(known.Grants, current))
        {
            return known.Match;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(sent));
        KeyRights? found = null;
        foreach (var key in current.Keys)
        {
            // Every key is compared, matched or not: the time taken does not tell which key (or whether one) matched.
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                found ??= key;
            }
        }

        var match = found is null ? KeyMatch.Unknown : new KeyMatch(found);
        http.Items[MatchItem] = new IdentifiedKey(current, match);
        return match;
    }

    /// <summary>Whether anyone may read <paramref name="collection"/> without a key.</summary>
    public bool IsPublic(string collection) => Current().Public.Contains(collection);

    public bool MayRead(HttpContext http, string collection) =>
        IsPublic(collection) || Identify(http).Rights?.MayRead(collection) == true;

    /// <summary>
    /// The first check of a read route, before its body is read: refuses a key no configuration knows (403), and a
    /// request without one when nothing is public (401). The route then checks the collection it names (<see cref="Read"/>).
    /// </summary>
    public ProblemHttpResult? GateRead(HttpContext http)
    {
        var match = Identify(http);
        if (match.IsUnknown && Current().Public.Count == 0)
        {
            return WrongKey();
        }

        return match.IsNone && Current().Public.Count == 0 ? KeyRequired("This service needs the API key for every request.") : null;
    }

    /// <summary>Null when the request may read <paramref name="collection"/>; otherwise the problem to answer.</summary>
    public ProblemHttpResult? Read(HttpContext http, string collection)
    {
        if (IsPublic(collection))
        {
            return null;
        }

        var match = Identify(http);
        return match switch
        {
            { IsNone: true } => KeyRequired($"Reading the collection '{collection}' needs an API key."),
            { IsUnknown: true } => WrongKey(),
            _ when match.Rights!.MayRead(collection) => null,
            _ => NotAllowed($"This key may not read the collection '{collection}'."),
        };
    }

    /// <summary>The first check of a write route: an unknown key (403), a missing one while keys exist (401), or the loopback rule.</summary>
    public ProblemHttpResult? GateWrite(HttpContext http)
    {
        var match = Identify(http);
        if (match.IsUnknown)
        {
            return WrongKey();
        }

        if (match.IsNone)
        {
            if (auth.CurrentValue.HasKeys)
            {
                return KeyRequired("Writes need the API key.");
            }

            return LocalWriteCheck.Refusal(http) is { } reason
                ? TypedResults.Problem(title: "Write refused", detail: reason, statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden)
                : null;
        }

        return null;
    }

    /// <summary>Null when the request may write <paramref name="collection"/>; run after <see cref="GateWrite"/>.</summary>
    public ProblemHttpResult? Write(HttpContext http, string collection)
    {
        var match = Identify(http);
        if (match.IsNone)
        {
            // The gate let it through: no key is configured and the write comes from this machine.
            return collection == DocumentKey.DefaultCollection
                ? GateWrite(http)
                : NotAllowed($"Writes to the collection '{collection}' need a key that may write it ({AuthOptions.Section}:Keys).");
        }

        return match.Rights?.MayWrite(collection) == true ? null : NotAllowed($"This key may not write the collection '{collection}'.");
    }

    /// <summary>
    /// The collection a route names (<c>?collection=</c>, a route value; <c>default</c> when none) checked in one step:
    /// a 400 naming <c>collection</c> when it breaks the id rule, else <see cref="Read"/>'s or <see cref="Write"/>'s answer.
    /// </summary>
    public ProblemHttpResult? Refusal(HttpContext http, string? requested, bool write, out string collection)
    {
        collection = requested ?? DocumentKey.DefaultCollection;
        if (!DocumentKey.IsValidCollection(collection))
        {
            var invalid = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["collection"] = [Requests.RequestValidation.InvalidCollection] }) { Status = StatusCodes.Status400BadRequest };
            return TypedResults.Problem(invalid);
        }

        return write ? Write(http, collection) : Read(http, collection);
    }

    /// <summary>The collections a request may read, of those named (a listing shows no other).</summary>
    public IEnumerable<string> Readable(HttpContext http, IEnumerable<string> names)
    {
        var rights = Identify(http).Rights;
        return names.Where(n => IsPublic(n) || rights?.MayRead(n) == true);
    }

    private static ProblemHttpResult KeyRequired(string why) =>
        TypedResults.Problem(title: "API key required", detail: $"{why} Send it in the {ApiKeyCheck.Header} header.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);

    private static ProblemHttpResult WrongKey() =>
        TypedResults.Problem(title: "Wrong API key", detail: $"The {ApiKeyCheck.Header} header does not match the configured key.", statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);

    private static ProblemHttpResult NotAllowed(string why) =>
        TypedResults.Problem(title: "Not allowed", detail: why, statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);

    /// <summary>The digests and public set of the options in force; rebuilt when the monitor hands out new options.</summary>
    private Grants Current()
    {
        var (a, c) = (auth.CurrentValue, collections.CurrentValue);
        var current = grants;
        if (current is not null && ReferenceEquals(current.Auth, a) && ReferenceEquals(current.Collections, c))
        {
            return current;
        }

        var keys = new List<KeyRights>();
        if (!string.IsNullOrEmpty(a.ApiKey))
        {
            keys.Add(new KeyRights(Digest(a.ApiKey), [AllCollections], [AllCollections]));
        }

        keys.AddRange(a.Keys.Where(k => !string.IsNullOrEmpty(k.Key)).Select(k => new KeyRights(Digest(k.Key!), [.. k.Read], [.. k.Write])));
        var publicNames = c.Public ?? (a.RequireKeyForReads ? [] : [DocumentKey.DefaultCollection]);
        current = new Grants(a, c, keys, publicNames.ToHashSet(StringComparer.Ordinal));
        grants = current;
        return current;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record Grants(AuthOptions Auth, CollectionsOptions Collections, IReadOnlyList<KeyRights> Keys, HashSet<string> Public);

    /// <summary>A request's key as matched against <see cref="Grants"/>.</summary>
    private sealed record IdentifiedKey(Grants Grants, KeyMatch Match);
}

/// <summary>A configured key: its digest and the collections it may read and write (<c>*</c>: all).</summary>
public sealed record KeyRights(byte[] Digest, IReadOnlyCollection<string> Read, IReadOnlyCollection<string> Write)
{
    /// <summary>Names the key without revealing it (the rate limiter's partition): the digest's first bytes.</summary>
    public string Name => Convert.ToHexStringLower(Digest.AsSpan(0, 8));

    public bool MayRead(string collection) => Read.Contains(CollectionAccess.AllCollections) || Read.Contains(collection);

    public bool MayWrite(string collection) => Write.Contains(CollectionAccess.AllCollections) || Write.Contains(collection);
}

/// <summary>What a request's key is: <see cref="None"/> sent, <see cref="Unknown"/>, or a configured key's <see cref="Rights"/>.</summary>
public sealed record KeyMatch(KeyRights? Rights)
{
    public static readonly KeyMatch None = new((KeyRights?)null);
    public static readonly KeyMatch Unknown = new((KeyRights?)null) { IsUnknown = true };

    public bool IsUnknown { get; private init; }

    public bool IsNone => Rights is null && !IsUnknown;
}
