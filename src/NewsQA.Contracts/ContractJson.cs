using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsQA.Contracts;

/// <summary>
/// The serializer settings of the wire format: camelCase names, enums by the names their
/// <see cref="JsonStringEnumMemberNameAttribute"/> gives. The API and the CLI's <c>--json</c> both apply them.
/// </summary>
public static class ContractJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    }
}
