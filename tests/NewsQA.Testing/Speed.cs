namespace NewsQA.Testing;

/// <summary>
/// Tests that start processes, browsers or whole evaluations carry <c>[Trait("Speed", "Slow")]</c>, so a fast local
/// loop can leave them out: <c>scripts/test.sh --filter-not-trait "Speed=Slow"</c>. CI always runs everything.
/// </summary>
public static class Speed
{
    public const string Trait = "Speed";
    public const string Slow = "Slow";
}
