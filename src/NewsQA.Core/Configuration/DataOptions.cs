using Microsoft.Extensions.Configuration;

namespace NewsQA.Core.Configuration;

/// <summary>The data directory every part of a host shares (store, calibration file, backfill checkpoint).</summary>
public sealed class DataOptions : ISectionOptions
{
    public static string Section => "Data";

    /// <summary>The key as an operator writes it; the CLI's <c>--data</c> sets it.</summary>
    public const string PathKey = "Data:Path";

    public const string DefaultPath = "./data";

    public string Path { get; set; } = DefaultPath;

    /// <summary>The configured data directory, or the default; for code that runs before the options are built.</summary>
    public static string PathOf(IConfiguration configuration) =>
        configuration[PathKey] is { Length: > 0 } path ? path : DefaultPath;
}
