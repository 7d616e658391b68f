using System.Text.Json;

namespace NewsQA.Core.Ingest.Input;

/// <summary>
/// JSON strings as text: a string may hold an escaped lone surrogate (<c>"\ud800"</c>), valid JSON that is no
/// Unicode text; System.Text.Json refuses to turn it into a string with an <see cref="InvalidOperationException"/>,
/// not the <see cref="JsonException"/> callers catch. This is the one place that says so to the sender.
/// </summary>
public static class JsonText
{
    /// <summary>The string value of <paramref name="element"/>, or null when it holds a lone surrogate.</summary>
    public static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What a sender reads when <paramref name="field"/> holds a lone surrogate.</summary>
    public static string LoneSurrogate(string field) =>
        $"'{field}' holds an escaped lone surrogate (such as \\ud800), which is no text; send it as UTF-8 text.";

    /// <summary>Whether a JSON error is the refusal of a lone surrogate by <see cref="TextConverter"/>.</summary>
    public static bool IsLoneSurrogate(JsonException exception) => exception is LoneSurrogateException;

    /// <summary>
    /// Reads JSON strings as the default converter does, but a string holding a lone surrogate fails as a
    /// <see cref="LoneSurrogateException"/> (a <see cref="JsonException"/>, so System.Text.Json adds the field's path),
    /// where the default lets an <see cref="InvalidOperationException"/> through that reads like a value of the wrong type.
    /// </summary>
    public sealed class TextConverter : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // Numbers, objects, ...: the default's own failure, which the API words as "must be a string".
                return reader.GetString();
            }

            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new LoneSurrogateException();
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A JSON string held a lone surrogate escape.</summary>
    public sealed class LoneSurrogateException() : JsonException("A JSON string holds an escaped lone surrogate, which is no text.");
}
