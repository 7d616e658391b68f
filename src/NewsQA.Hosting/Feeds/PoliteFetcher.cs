using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// Every feed and page fetch: only http(s), connections only to allowed addresses (<see cref="FeedHttpHandler"/>),
/// redirects followed one by one with each new address checked, one request at a time per host with a pause between
/// (<see cref="HostGate"/>), a timeout per request, a size bound per response (refused, never cut), conditional GET,
/// and a <c>User-Agent</c> that names NewsQA. Failures are <see cref="FetchRefusedException"/> with a one-line reason.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    /// <summary>Sent with every request, so a site's operator can see who is reading.</summary>
    public const string UserAgent = "NewsQA/1.0 (news archive feed reader)";

    private readonly IOptions<FeedOptions> options;
    private readonly HttpClient client;
    private readonly HostGate gate;

    public PoliteFetcher(IOptions<FeedOptions> options, TimeProvider time)
        : this(options, time, address => NetworkAddressRules.MayConnect(address, options.Value.AllowPrivateNetworks))
    {
    }

    /// <summary>With another address rule: tests allow the fake server's address and no other loopback one.</summary>
    internal PoliteFetcher(IOptions<FeedOptions> options, TimeProvider time, Func<System.Net.IPAddress, bool> mayConnect)
    {
        this.options = options;
        client = new HttpClient(FeedHttpHandler.Create(mayConnect)) { Timeout = Timeout.InfiniteTimeSpan };
        gate = new HostGate(() => options.Value.RequestDelay, time);
    }

    public async Task<FetchResponse> GetAsync(Uri url, FetchValidators? validators, string accept, CancellationToken ct)
    {
        var o = options.Value;
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (!current.IsAbsoluteUri || (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps))
            {
                throw new FetchRefusedException(redirects == 0 ? "only http and https addresses are fetched" : "redirected to an address that is not http or https");
            }

            using var lease = await gate.EnterAsync(current, ct).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(UserAgent);
                request.Headers.Accept.ParseAdd(accept);
                if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (validators?.LastModified is { } since && DateTimeOffset.TryParse(since, out var modified))
                {
                    request.Headers.IfModifiedSince = modified;
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location ?? throw new FetchRefusedException("a redirect without a Location");
                    if (redirects >= o.MaxRedirects)
                    {
                        throw new FetchRefusedException($"more than {o.MaxRedirects} redirects");
                    }

                    current = new Uri(current, location);
                    continue;
                }

                var next = new FetchValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResponse(current, [], null, null, validators ?? next, NotModified: true);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchRefusedException($"HTTP {(int)response.StatusCode}");
                }

                var body = await ReadBoundedAsync(response, o.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
                var type = response.Content.Headers.ContentType;
                return new FetchResponse(current, body, type?.MediaType, type?.CharSet, next, NotModified: false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new FetchRefusedException($"no complete response within {o.Timeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException ex)
            {
                throw ex.InnerException as FetchRefusedException ?? new FetchRefusedException($"connection failed ({ex.HttpRequestError})");
            }
            catch (IOException)
            {
                throw new FetchRefusedException("the connection broke off");
            }
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, long max, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > max)
        {
            throw new FetchRefusedException($"larger than {max} bytes (Feeds:MaxResponseBytes)");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new FetchRefusedException($"larger than {max} bytes (Feeds:MaxResponseBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public void Dispose() => client.Dispose();
}
