namespace NewsQA.Hosting.Feeds;

/// <summary>
/// What the poller remembers of one feed between polls: the validators of its last response (for the conditional
/// GET) and the version of every item it has handled, so an item is fetched again only when the feed says it changed.
/// It lives as long as the process; after a restart the store itself says which items are already in.
/// </summary>
internal sealed class FeedMemory
{
    /// <summary>Times a failed item is tried again on later polls before it counts as refused.</summary>
    public const int ItemAttempts = 3;

    public FetchValidators? Validators { get; set; }

    public Dictionary<string, string> Seen { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>One poll of a feed at a time, so two polls cannot fetch the same new item.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);
}
