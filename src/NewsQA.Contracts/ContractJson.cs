using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsQA.Contracts;

/// <summary>
/// The serializer settings of the wire format: camelCase names, enums by the names their
/// <see cref="JsonStringEnumMemberNameAttribute"/> gives, strings with a lone surrogate refused by name. The API and
/// the CLI's <c>--json</c> both apply them.
/// </summary>
public static class ContractJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // A lone surrogate in a request's string is named as such, not as a value of the wrong type.
        options.Converters.Add(new NewsQA.Core.Ingest.Input.JsonText.TextConverter());
    }
}
