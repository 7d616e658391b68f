using System.Text.Json;
using System.Text.Json.Serialization;
namespace NewsQA.Core.Documents;

/// <summary>Dates travel as "YYYY", "YYYY-MM" or "YYYY-MM-DD": the precision is part of the value.</summary>
public sealed class PublicationDateJsonConverter : JsonConverter<PublicationDate>
{
    public override PublicationDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return PublicationDate.TryParse(s, out var date)
            ? date
            : throw new JsonException($"'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
    }

    public override void Write(Utf8JsonWriter writer, PublicationDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
