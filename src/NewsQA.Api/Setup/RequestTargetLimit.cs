using Microsoft.AspNetCore.Server.Kestrel.Core;
using NewsQA.Api.Errors;

namespace NewsQA.Api.Setup;

/// <summary>
/// Over-long URLs (a 20 KB <c>cursor</c>) get a 414 problem+json from the app. Kestrel rejects a request line
/// over its <see cref="KestrelServerLimits.MaxRequestLineSize"/> itself, before any middleware runs, with an empty
/// body that no app can shape (aspnet/KestrelHttpServer#2947). So Kestrel's line limit is raised to
/// <see cref="ServerLineLimit"/> and the app answers every target over <see cref="MaxTargetChars"/> (Kestrel's
/// own default, and nginx's default header buffer) with a problem; only lines beyond the raised limit still get
/// Kestrel's empty 414.
/// </summary>
internal static class RequestTargetLimit
{
    /// <summary>The longest path plus query string the API reads.</summary>
    public const int MaxTargetChars = 8 * 1024;

    /// <summary>What Kestrel accepts before the app sees the request (method, target and protocol).</summary>
    public const int ServerLineLimit = 64 * 1024;

    public static void RaiseServerLimit(KestrelServerOptions kestrel) => kestrel.Limits.MaxRequestLineSize = ServerLineLimit;

    public static IApplicationBuilder UseNewsQaRequestTargetLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var length = (http.Request.PathBase.Value?.Length ?? 0) + (http.Request.Path.Value?.Length ?? 0) + (http.Request.QueryString.Value?.Length ?? 0);
            if (length > MaxTargetChars)
            {
                await http.WriteProblemAsync(StatusCodes.Status414UriTooLong, ProblemTypes.UriTooLong, "URL too long",
                    $"The path and query string are {length} characters; the limit is {MaxTargetChars}. A cursor is what a previous page returned in 'nextCursor'.");
                return;
            }

            await next(http);
        });
}
