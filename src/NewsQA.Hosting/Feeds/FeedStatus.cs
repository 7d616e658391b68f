namespace NewsQA.Hosting.Feeds;

/// <summary>A followed feed as readiness shows it. <see cref="Feed"/> is the address without user, query or fragment, which may hold tokens.</summary>
public sealed record FeedStatus(string Feed, string State)
{
    public DateTimeOffset? LastSuccessAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }
    public DateTimeOffset? NextPollAt { get; init; }
    public int ItemsIngested { get; init; }
    public int ItemsRefused { get; init; }

    public static string Display(Uri url) => url.GetLeftPart(UriPartial.Path).Replace(url.UserInfo + "@", string.Empty, StringComparison.Ordinal);
}
