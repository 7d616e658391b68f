using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Api.Security;

/// <summary>The API key rule both access filters apply: compared in constant time; missing is 401, wrong is 403.</summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static bool HasKey(HttpContext context, string key)
    {
        var sent = context.Request.Headers[Header].ToString();
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key));
    }

    /// <summary>
    /// Null when the request carries <paramref name="key"/>; otherwise the problem to answer: 401 when no key was
    /// sent (saying what <paramref name="needsKey"/>), 403 when the one sent is wrong, whatever the request was.
    /// </summary>
    public static IResult? Refusal(HttpContext context, string key, string needsKey)
    {
        if (HasKey(context, key))
        {
            return null;
        }

        return context.Request.Headers[Header].ToString().Length == 0
            ? TypedResults.Problem(title: "API key required", detail: $"{needsKey} Send it in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized)
            : TypedResults.Problem(title: "Wrong API key", detail: $"The {Header} header does not match the configured key.", statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);
    }

    /// <summary>
    /// The peer is this machine: a loopback IP address. A connection without one (a unix socket behind a reverse
    /// proxy) is not: anyone who reaches the proxy arrives that way.
    /// </summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
