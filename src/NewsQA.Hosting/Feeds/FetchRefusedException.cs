namespace NewsQA.Hosting.Feeds;

/// <summary>A fetch the rules forbid (scheme, address, size) or that failed; the message is for operators and names no internals.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);
