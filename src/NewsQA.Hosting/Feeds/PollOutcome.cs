namespace NewsQA.Hosting.Feeds;

/// <summary>One poll of one feed: items ingested (new or changed), refused (their page or text was refused), and whether the feed itself was unchanged (304).</summary>
public sealed record PollOutcome(int Ingested, int Refused, bool NotModified);
