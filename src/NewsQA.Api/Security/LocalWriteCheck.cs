using System.Net;

namespace NewsQA.Api.Security;

/// <summary>
/// When no <c>Auth:ApiKey</c> is configured, a write is accepted only when it provably comes from a program on
/// this machine and not from a web page: any page open in a local browser also sends from loopback, and a
/// "simple" cross-origin request (text/plain, multipart) needs no CORS preflight. So a write must
///   1. come from a loopback IP address (a unix-socket peer has none and is refused);
///   2. name this machine in Host (localhost, 127.x.x.x, [::1]): a foreign name resolving to 127.0.0.1
///      (DNS rebinding) is refused whatever <c>AllowedHosts</c> says;
///   3. not be cross-site: an <c>Origin</c> header must be the request's own origin, and
///      <c>Sec-Fetch-Site</c>, when sent, must be <c>same-origin</c> or <c>none</c> (typed by the user).
/// curl, scripts and the CLI send neither header and pass; browsers send them and cannot forge them.
/// </summary>
internal static class LocalWriteCheck
{
    /// <summary>Null when the write may go ahead; otherwise the plain sentence the 403 problem says.</summary>
    public static string? Refusal(HttpContext http)
    {
        if (!ApiKeyCheck.IsLoopback(http))
        {
            return "No Auth:ApiKey is configured, so writes are accepted from this machine only.";
        }

        if (!IsLoopbackName(http.Request.Host.Host))
        {
            return "No Auth:ApiKey is configured, so writes must address this machine as localhost, 127.0.0.1 or [::1].";
        }

        return IsCrossSite(http.Request)
            ? "Writes from a web page of another origin are refused; configure Auth:ApiKey to write from elsewhere."
            : null;
    }

    internal static bool IsLoopbackName(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var ip) && IPAddress.IsLoopback(ip)
            // IPAddress.TryParse accepts "127.1" and "2130706433"; only the dotted or bracketed forms are names a browser sends.
            && (literal.Count(c => c == '.') == 3 || literal.Contains(':'));
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }
}
