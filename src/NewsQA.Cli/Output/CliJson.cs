using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsQA.Cli.Output;

/// <summary>JSON as the API writes it (camelCase; dates and answer enums convert themselves), for <c>--json</c>.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Print<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));
}
