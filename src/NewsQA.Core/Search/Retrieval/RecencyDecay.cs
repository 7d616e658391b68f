using System.Text.Json.Serialization;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// Exponential time decay of a passage's score: × 0.5^(age / half-life), age in days from the document's last possible
/// publication day to <see cref="Reference"/> (a future date counts as today). An undated document counts as one
/// half-life old: neither preferred nor dropped. (Onyx decays by 1/(1+0.5·age in years), Haystack's recency ranker
/// blends a date score with relevance; a half-life is one number an operator can reason about.)
/// </summary>
public sealed record RecencyDecay(double HalfLifeDays, PublicationDate Reference)
{
    /// <summary>The decay for <paramref name="question"/> when it asks for recent news (<see cref="Query.RecencyPhrases"/>), else null.</summary>
    public static RecencyDecay? For(string question, double halfLifeDays, DateOnly today) =>
        Query.RecencyPhrases.AsksForRecent(question) ? new RecencyDecay(halfLifeDays, PublicationDate.Of(today)) : null;

    public double Factor(PublicationDate? published)
    {
        var age = published is { } date ? Math.Max(0, Reference.Earliest.DayNumber - date.Latest.DayNumber) : HalfLifeDays;
        return Math.Pow(0.5, age / HalfLifeDays);
    }
}

/// <summary>The order of a search's results: by relevance (default), or newest first among the relevant candidates.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultOrder>))]
public enum ResultOrder
{
    [JsonStringEnumMemberName("relevance")]
    Relevance,

    [JsonStringEnumMemberName("date")]
    Date,
}
