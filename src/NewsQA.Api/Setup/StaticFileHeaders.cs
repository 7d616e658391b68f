namespace NewsQA.Api.Setup;

/// <summary>
/// Every response says <c>X-Content-Type-Options: nosniff</c>, so a browser never runs an upload or a JSON body
/// as a script or page; the demo page and the widget script also carry a content security policy that allows
/// only this origin's script and API (the widget's styles are an inline &lt;style&gt; in its shadow root, the
/// page's one inline &lt;style&gt;, hence <c>'unsafe-inline'</c> for styles only). The Scalar reference page loads its
/// own script and is left out of the policy. The headers are added as the response starts, not on the way in: the
/// exception handler clears the headers before it writes its problem (Response.Clear), and middleware that answers
/// a request itself (413, 414) ends it before later middleware runs.
/// </summary>
internal static class StaticFileHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IApplicationBuilder UseNewsQaStaticFileHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                var path = http.Request.Path;
                if (path == "/" || path.StartsWithSegments("/index.html") || path.StartsWithSegments("/widget.js"))
                {
                    http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
}
