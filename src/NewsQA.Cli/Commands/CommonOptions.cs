using System.CommandLine;

namespace NewsQA.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (overrides Data:Path; default ./data)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the API's JSON shapes" };

    public static Option<int> Top(int defaultValue) => new("--top")
    {
        Description = $"Number of results (1-50, default {defaultValue})",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Checks an option's range; prints a clear message and returns false when out of bounds.</summary>
    public static bool InRange(string name, int value, int min, int max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Console.Error.WriteLine($"error: {name} must be between {min} and {max}, got {value}.");
        return false;
    }
}
