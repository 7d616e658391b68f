using System.Text;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// A probe written as HTTP is written: <c>METHOD target</c>, header lines, a blank line, the body; so a table row
/// reads like the request it sends. <c>{origin}</c> in a header stands for the API's own origin.
/// </summary>
internal static class ProbeRequest
{
    public static HttpRequestMessage Parse(string text, Uri origin)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? null : text[(split + 2)..];
        var requestLine = head[0].Split(' ', 2);
        var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1]);
        string? contentType = null;
        foreach (var header in head.Skip(1))
        {
            var colon = header.IndexOf(": ", StringComparison.Ordinal);
            var name = header[..colon];
            var value = header[(colon + 2)..].Replace("{origin}", origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }
}
