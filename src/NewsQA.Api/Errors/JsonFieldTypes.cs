using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace NewsQA.Api.Errors;

/// <summary>
/// What a JSON field of a request takes, in words ("a whole number", "an array"), read from System.Text.Json's
/// own contract for the request type, so a wrong-type error names the field the client wrote and never a .NET type.
/// </summary>
internal static class JsonFieldTypes
{
    public static string? Describe(Type requestType, string path, HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var type = requestType;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var indexed = name.IndexOf('[', StringComparison.Ordinal);
            if (indexed >= 0)
            {
                name = name[..indexed];
            }

            var property = options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            if (indexed >= 0 && ElementType(type) is { } element)
            {
                type = element;
            }
        }

        return Words(Nullable.GetUnderlyingType(type) ?? type, options);
    }

    private static string Words(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (ElementType(type) is not null)
        {
            return "an array";
        }

        return options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object ? "an object" : "a string";
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
}
