using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Api.Security;

/// <summary>Compares a request's X-Api-Key with the configured key in constant time.</summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static bool HasKey(HttpContext context, string key)
    {
        var sent = context.Request.Headers[Header].ToString();
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key));
    }

    /// <summary>In-process test hosts have no remote address; they are as local as loopback.</summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } ip || IPAddress.IsLoopback(ip);
}
