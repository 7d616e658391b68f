using NewsQA.Core.Search.Retrieval;
using System.CommandLine;
using NewsQA.Core.Language;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

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

    /// <summary>The collection a command reads or writes, as the API's <c>collection</c> field (<see cref="DocumentKey"/>).</summary>
    public static readonly Option<string?> Collection = new("--collection")
    {
        Description = "Collection to read or write (default: default)",
    };

    /// <summary><c>--collection</c>, checked by the API's rule: false (after a clear message) when it is no valid name.</summary>
    public static bool TryCollection(string? value, out string collection)
    {
        collection = value ?? DocumentKey.DefaultCollection;
        if (DocumentKey.IsValidCollection(collection))
        {
            return true;
        }

        Console.Error.WriteLine($"error: --collection must be {DocumentKey.DescribeCollection}.");
        return false;
    }

    /// <summary><c>--top</c>; null when not given, so the command's own default applies (search's, or <c>Answer:Passages</c>).</summary>
    public static Option<int?> Top(string defaultDescription) => new("--top")
    {
        Description = $"Number of results (1-{SearchRequest.MaxTop}, default {defaultDescription})",
    };

    /// <summary><c>--top</c>'s range check; a missing value passes (the default applies).</summary>
    public static bool TopInRange(int? value) => value is not { } n || InRange("--top", n, 1, SearchRequest.MaxTop);

    public static readonly Option<string?> Language = new("--language")
    {
        Description = "Only documents of this language (ISO 639-1 code such as de or en, or und)",
    };

    /// <summary>
    /// The filter of <c>--language</c>: false (after a clear message) when the value is no language code, the same check
    /// as the API's <c>filter.language</c>.
    /// </summary>
    public static bool TryFilter(string? language, string? collection, out SearchFilter filter)
    {
        filter = SearchFilter.None;
        if (!TryCollection(collection, out var name))
        {
            return false;
        }

        filter = new SearchFilter { Collection = name };
        if (language is null)
        {
            return true;
        }

        if (LanguageCode.Normalize(language) is not { } code)
        {
            Console.Error.WriteLine($"error: --language must be {LanguageCode.Describe}, got '{language}'.");
            return false;
        }

        filter = filter with { Languages = [code] };
        return true;
    }

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
