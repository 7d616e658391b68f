using Microsoft.Net.Http.Headers;
using NewsQA.Api.Errors;

namespace NewsQA.Api.Setup;

/// <summary>
/// Request bodies are UTF-8 (JSON is by RFC 8259, and text uploads are read as strict UTF-8): a
/// <c>charset</c> other than UTF-8 — unknown (<c>bogus</c>) or merely different (<c>iso-8859-1</c>) — is answered
/// 415 problem+json before any endpoint reads the body, instead of failing inside the JSON reader as a 500. Every
/// spelling of UTF-8 (<c>UTF8</c>, quoted <c>"utf-8"</c>) is accepted and handed on as <c>charset=utf-8</c>, the one
/// spelling the framework's readers look up.
/// </summary>
internal static class RequestCharset
{
    public static IApplicationBuilder UseNewsQaRequestCharset(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentType is { } contentType
                && MediaTypeHeaderValue.TryParse(contentType, out var media)
                && media.Charset is { Length: > 0 } charset)
            {
                if (!IsUtf8(charset.Value!.Trim('"')))
                {
                    await http.WriteProblemAsync(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported charset",
                        "Request bodies must be UTF-8: send charset=utf-8 or no charset.");
                    return;
                }

                if (charset.Value != "utf-8")
                {
                    media.Charset = "utf-8";
                    http.Request.ContentType = media.ToString();
                }
            }

            await next(http);
        });

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
