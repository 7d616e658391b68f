namespace NewsQA.Hosting.Health;

/// <summary>Names of the readiness checks, as <c>/health/ready</c> reports them.</summary>
public static class HealthChecks
{
    public const string Store = "store";
    public const string Embedder = "embedder";
    public const string Llm = "llm";
    public const string Feeds = "feeds";

    /// <summary>Tag of the checks readiness runs.</summary>
    public const string Ready = "ready";
}
