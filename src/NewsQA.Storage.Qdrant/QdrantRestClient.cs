using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The few Qdrant REST endpoints the store uses, on an <see cref="HttpClient"/> that the standard resilience
/// handler already retries, times out and circuit-breaks. Whatever still fails here becomes a
/// <see cref="StoreUnavailableException"/> (Component "Qdrant") or, for a request Qdrant rejects as malformed,
/// an <see cref="InvalidOperationException"/>: callers never see raw transport exceptions.
/// </summary>
public sealed class QdrantRestClient(HttpClient http)
{
    internal const string Component = "Qdrant";

    internal async Task<bool> CollectionExistsAsync(string collection, CancellationToken ct) =>
        (await SendAsync<CollectionExistence>(HttpMethod.Get, $"collections/{collection}/exists", null, ct).ConfigureAwait(false))!.Exists;

    internal Task<CollectionInfo?> GetCollectionAsync(string collection, CancellationToken ct) =>
        SendAsync<CollectionInfo>(HttpMethod.Get, $"collections/{collection}", null, ct);

    /// <summary>Creating what another instance created a moment ago (409 Conflict) counts as success.</summary>
    internal Task CreateCollectionAsync(string collection, CreateCollectionRequest request, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"collections/{collection}", request, ct, conflictIsSuccess: true);

    internal Task CreateDenseVectorAsync(string collection, string vector, CreateDenseVectorRequest request, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"collections/{collection}/vectors/{vector}?wait=true", request, ct, conflictIsSuccess: true);

    internal Task DeleteVectorAsync(string collection, string vector, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"collections/{collection}/vectors/{vector}?wait=true", null, ct);

    internal Task CreateFieldIndexAsync(string collection, CreateFieldIndexRequest request, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"collections/{collection}/index?wait=true", request, ct);

    internal Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"collections/{collection}/points?wait=true", new UpsertPointsRequest(points), ct);

    internal Task DeleteAsync(string collection, Filter filter, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"collections/{collection}/points/delete?wait=true", new DeleteByFilterRequest(filter), ct);

    internal async Task<IReadOnlyList<PointRecord>> RetrieveAsync(string collection, RetrievePointsRequest request, CancellationToken ct) =>
        await SendAsync<List<PointRecord>>(HttpMethod.Post, $"collections/{collection}/points", request, ct).ConfigureAwait(false) ?? [];

    internal async Task<ScrollResponse> ScrollAsync(string collection, ScrollRequest request, CancellationToken ct) =>
        await SendAsync<ScrollResponse>(HttpMethod.Post, $"collections/{collection}/points/scroll", request, ct).ConfigureAwait(false)
        ?? new ScrollResponse([], null);

    internal async Task<long> CountAsync(string collection, CountRequest request, CancellationToken ct) =>
        (await SendAsync<CountResponse>(HttpMethod.Post, $"collections/{collection}/points/count", request, ct).ConfigureAwait(false))?.Count ?? 0;

    internal async Task<IReadOnlyList<ScoredPoint>> QueryAsync(string collection, QueryRequest request, CancellationToken ct) =>
        (await SendAsync<QueryResponse>(HttpMethod.Post, $"collections/{collection}/points/query", request, ct).ConfigureAwait(false))?.Points ?? [];

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, bool conflictIsSuccess = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: QdrantJson.Options);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            if (conflictIsSuccess && response.StatusCode == HttpStatusCode.Conflict)
            {
                return default;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(method, path, response, ct).ConfigureAwait(false);
            }

            var parsed = await response.Content.ReadFromJsonAsync<QdrantResponse<T>>(QdrantJson.Options, ct).ConfigureAwait(false);
            return parsed is null ? default : parsed.Result;
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable($"Qdrant at {http.BaseAddress} cannot be reached ({ex.HttpRequestError}): {ex.Message}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unavailable($"Qdrant at {http.BaseAddress} did not answer {method} {Route(path)} in time ({ex.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s).", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw Unavailable($"Qdrant at {http.BaseAddress} failed repeatedly; calls are paused for a while (circuit open).", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Unavailable($"Qdrant at {http.BaseAddress} did not answer {method} {Route(path)} in time.", ex);
        }
        catch (JsonException ex)
        {
            throw Unavailable($"Qdrant at {http.BaseAddress} sent a response to {method} {Route(path)} that is not the expected JSON: {ex.Message}", ex);
        }
    }

    private async Task<Exception> FailureAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken ct)
    {
        var error = await ReadErrorAsync(response, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var what = $"Qdrant at {http.BaseAddress} answered {method} {Route(path)} with {status}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Unavailable($"{what}: the API key was refused; check Store:Qdrant:ApiKey."),
            HttpStatusCode.NotFound => Unavailable($"{what}: {error} (was the collection deleted? Initialization creates it)."),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => Unavailable($"{what}: {error}"),
            _ when status >= 500 => Unavailable($"{what} after retries: {error}"),
            // Any other 4xx means this client sent something Qdrant does not accept: a bug, not an outage.
            _ => new InvalidOperationException($"{what}: {error}"),
        };
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not Qdrant's error shape (a proxy's HTML page, say): fall through to the raw text.
        }

        return text.Length > 200 ? text[..200] : text;
    }

    private static string Route(string path) => path.Split('?')[0];

    private static StoreUnavailableException Unavailable(string message, Exception? inner = null) => new(message, inner) { Component = Component };
}
