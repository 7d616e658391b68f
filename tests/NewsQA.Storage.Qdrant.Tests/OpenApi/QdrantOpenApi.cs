using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace NewsQA.Storage.Qdrant.Tests.OpenApi;

/// <summary>
/// Qdrant's OpenAPI document (TestData/, see NOTICE.md) as a validator of request bodies: each endpoint's
/// requestBody schema, with its <c>$ref</c>s resolved against the whole document's components.
/// </summary>
internal sealed class QdrantOpenApi
{
    private static readonly Lazy<Task<QdrantOpenApi>> Shared = new(LoadAsync);

    private readonly JsonObject document;
    private readonly JsonSchema definitions;

    private QdrantOpenApi(JsonObject document, JsonSchema definitions)
    {
        this.document = document;
        this.definitions = definitions;
    }

    public static Task<QdrantOpenApi> InstanceAsync() => Shared.Value;

    /// <summary>The component schema an endpoint's JSON request body must satisfy, or null when it takes none.</summary>
    public string? RequestSchemaName(string method, string path) =>
        document["paths"]?[path]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>().Split('/')[^1];

    public bool HasOperation(string method, string path) => document["paths"]?[path]?[method.ToLowerInvariant()] is not null;

    public ICollection<ValidationError> Validate(string schemaName, string json) => definitions.Definitions[schemaName].Validate(json);

    private static async Task<QdrantOpenApi> LoadAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "qdrant-openapi-v1.19.json"));
        var document = JsonNode.Parse(text)!.AsObject();
        var schemas = document["components"]!["schemas"]!.DeepClone();
        Tighten(schemas);

        // NJsonSchema resolves "#/definitions/..." natively; OpenAPI keeps schemas under components.
        var root = new JsonObject { ["definitions"] = schemas }.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return new QdrantOpenApi(document, await JsonSchema.FromJsonAsync(root));
    }

    /// <summary>
    /// Two OpenAPI 3.0 habits would make validation vacuous in plain JSON Schema, so they are made strict:
    /// <list type="bullet">
    /// <item><c>anyOf: [X, { "nullable": true }]</c> — the bare nullable branch is an empty schema that accepts anything;
    /// it becomes <c>{ "type": "null" }</c>.</item>
    /// <item>Objects without <c>additionalProperties</c> accept any key, so a misspelt field would pass; they get
    /// <c>additionalProperties: false</c>. Stricter than Qdrant, which is the point: our bodies use only declared fields.</item>
    /// </list>
    /// </summary>
    private static void Tighten(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonObject { Count: 1 } only && only["nullable"] is JsonValue)
                    {
                        obj[key] = new JsonObject { ["type"] = "null" };
                    }

                    Tighten(obj[key]);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject { Count: 1 } only && only["nullable"] is JsonValue)
                    {
                        array[i] = new JsonObject { ["type"] = "null" };
                    }

                    Tighten(array[i]);
                }

                break;
        }
    }
}
