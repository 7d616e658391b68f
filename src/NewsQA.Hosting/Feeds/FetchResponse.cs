namespace NewsQA.Hosting.Feeds;

/// <summary>What a conditional GET sends back: validators from the last response, to ask "changed since?".</summary>
public sealed record FetchValidators(string? ETag, string? LastModified);

/// <summary>A fetched body (bounded in size), or <see cref="NotModified"/> for a 304, with the validators for next time.</summary>
public sealed record FetchResponse(Uri FinalUrl, byte[] Body, string? MediaType, string? Charset, FetchValidators Validators, bool NotModified);
