using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Search.Query;

/// <summary>How much a question that asks for the latest news (<see cref="RecencyPhrases"/>) prefers recent articles.</summary>
public sealed class RecencyOptions : ISectionOptions
{
    public static string Section => "Search";

    /// <summary>
    /// An article this many days older than the reference date counts half as much (<see cref="Retrieval.RecencyDecay"/>). Not
    /// measured on a labelled set yet: a month, so that among equally matching articles this week's beats last month's
    /// without a year-old article of twice the score being pushed off the page.
    /// </summary>
    [Range(0.5, 3650)]
    public double RecencyHalfLifeDays { get; set; } = 30;
}
