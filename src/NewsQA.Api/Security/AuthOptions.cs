using NewsQA.Core.Configuration;
namespace NewsQA.Api.Security;

public sealed class AuthOptions : ISectionOptions
{
    public static string Section => "Auth";

    /// <summary>Key that writes (ingest, update, delete) must send in <c>X-Api-Key</c>. Unset: writes only from loopback.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, reads (search, ask, documents) need the key too.</summary>
    public bool RequireKeyForReads { get; set; }
}
