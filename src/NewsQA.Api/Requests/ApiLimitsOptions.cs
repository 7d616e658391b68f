using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Api.Requests;

/// <summary>Bounds on what a client may send; a request past them gets a 400 or 413 naming the limit.</summary>
public sealed class ApiLimitsOptions : ISectionOptions
{
    public static string Section => "Limits";

    /// <summary>Largest request body in bytes (413 beyond it).</summary>
    [Range(1_024, 512L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    [Range(10, 100_000)]
    public int MaxQueryChars { get; set; } = 1_000;

    [Range(1, 100)]
    public int MaxHistoryTurns { get; set; } = 20;

    [Range(1, 10_000)]
    public int MaxFilterValues { get; set; } = 100;
}
