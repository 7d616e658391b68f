using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsQA.Cli.Commands;

/// <summary>
/// Mistakes on the command line, one line each and exit 2 (as a configuration mistake): a value an option cannot
/// take is named with the option and what it takes ("--top must be a whole number"), never with a .NET type name,
/// as the parser's own message has it ("as expected type 'System.Int32'").
/// </summary>
internal static class UsageErrors
{
    public const int ExitCode = 2;

    /// <summary>The lines to print for <paramref name="parse"/>'s errors; empty when it parsed.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse) =>
        [.. parse.Errors.Select(e => e.SymbolResult is OptionResult { Option: var option } result && Takes(option.ValueType) is { } takes
            ? $"error: {option.Name} must be {takes}, got '{string.Join(' ', result.Tokens.Select(t => t.Value))}'."
            : $"error: {e.Message}")];

    private static string? Takes(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number in the range --help gives",
        var t when t == typeof(double) => "a number such as 0.5",
        var t when t == typeof(bool) => "true or false",
        _ => null,
    };
}
