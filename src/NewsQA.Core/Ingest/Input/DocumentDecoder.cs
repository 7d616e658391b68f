using System.Text;
using System.Text.Json;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input;

/// <summary>What kind of mistake made a record undecodable, so the API can give each its problem type.</summary>
public enum DecodeFailure
{
    /// <summary>The bytes are no text: NUL characters or invalid UTF-8.</summary>
    NotText,

    /// <summary>The bytes are no JSON.</summary>
    MalformedJson,

    /// <summary>A field is missing, empty or has the wrong form.</summary>
    InvalidField,
}

/// <summary>A decoded document, or the field at fault and a message a user can act on.</summary>
public sealed record DecodedDocument(DocumentInput? Input, string Field, string? Error, DecodeFailure Failure = DecodeFailure.InvalidField)
{
    public static DecodedDocument Ok(DocumentInput input) => new(input, string.Empty, null);

    public static DecodedDocument Fail(string field, string error, DecodeFailure failure = DecodeFailure.InvalidField) => new(null, field, error, failure);
}

/// <summary>
/// The one decoder from bytes and JSON records to <see cref="DocumentInput"/>, shared by <c>newsqa ingest</c>,
/// the seeds and <c>POST /api/documents</c>, so the same record is accepted or refused with the same message
/// everywhere. Text is strict UTF-8 (a leading BOM is dropped) without NUL characters; a JSON record has
/// <c>text</c> (alias <c>body</c>), and optionally <c>id</c>, <c>title</c>, <c>publishedAt</c> (alias
/// <c>date</c>, "YYYY[-MM[-DD]]"), <c>url</c>, <c>source</c>, <c>language</c> (ISO 639-1; detected when absent);
/// instead of <c>text</c> it may carry a web page as <c>html</c> (with the <c>url</c> it was fetched from).
/// </summary>
public static partial class DocumentDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of an upload or a file, or why it is not text.</summary>
    public static (string? Text, string? Error) DecodeText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, "The text is not valid UTF-8.");
        }

        return text.Contains('\0') ? (null, "The text contains NUL characters; send the article as UTF-8 text.") : (text, null);
    }

    /// <summary>A document from raw text (seed format or clean), with the id a file name or form gave.</summary>
    public static DecodedDocument FromText(ReadOnlySpan<byte> bytes, string? id = null)
    {
        var (text, error) = DecodeText(bytes);
        if (text is null)
        {
            return DecodedDocument.Fail("text", error!, DecodeFailure.NotText);
        }

        return string.IsNullOrWhiteSpace(text)
            ? DecodedDocument.Fail("text", "The document holds no text.")
            : DecodedDocument.Ok(new DocumentInput(text) { Id = id });
    }

    /// <summary>A document from one JSON record given as UTF-8 bytes.</summary>
    public static DecodedDocument FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var (_, error) = DecodeText(utf8Json);
        if (error is not null)
        {
            return DecodedDocument.Fail("text", error, DecodeFailure.NotText);
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            using var json = JsonDocument.ParseValue(ref reader);
            return FromJson(json.RootElement);
        }
        catch (JsonException ex)
        {
            return DecodedDocument.Fail(string.Empty, $"The record is not valid JSON: {ex.Message}", DecodeFailure.MalformedJson);
        }
    }

    /// <summary>A document from one parsed JSON record.</summary>
    public static DecodedDocument FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return DecodedDocument.Fail(string.Empty, "A document must be a JSON object.");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in (string[])["text", "body", "html", "id", "title", "publishedAt", "date", "url", "source", "language", "collection"])
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return DecodedDocument.Fail(name, $"'{name}' must be a string.");
            }

            if (v.ValueKind == JsonValueKind.Number)
            {
                fields[name] = v.GetRawText();
            }
            else if (JsonText.TryGetString(v) is { } value)
            {
                fields[name] = value;
            }
            else
            {
                return DecodedDocument.Fail(name, JsonText.LoneSurrogate(name));
            }
        }

        var textField = fields.ContainsKey("text") ? "text" : fields.ContainsKey("body") || !fields.ContainsKey("html") ? "body" : "html";
        var text = fields.GetValueOrDefault(textField);
        if (textField != "html" && fields.ContainsKey("html"))
        {
            return DecodedDocument.Fail("html", "Send the article as 'text' or as 'html', not both.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return DecodedDocument.Fail(textField == "html" ? "html" : "text", textField == "html" ? "'html' must not be empty." : "'text' (or 'body') is required and must not be empty.");
        }

        if (fields.Values.Any(v => v?.Contains('\0') == true))
        {
            return DecodedDocument.Fail(textField, "The record contains NUL characters; send the article as UTF-8 text.", DecodeFailure.NotText);
        }

        var dateField = fields.ContainsKey("publishedAt") ? "publishedAt" : "date";
        PublicationDate? published = null;
        if (fields.GetValueOrDefault(dateField) is { } date && !string.IsNullOrWhiteSpace(date))
        {
            if (!PublicationDate.TryParse(date, out var parsed))
            {
                return DecodedDocument.Fail(dateField, $"'{dateField}' must be YYYY, YYYY-MM or YYYY-MM-DD, got '{date}'.");
            }

            published = parsed;
        }

        if (textField == "html")
        {
            return FromJsonHtml(fields, published);
        }

        return DecodedDocument.Ok(new DocumentInput(text)
        {
            Id = fields.GetValueOrDefault("id"),
            Title = fields.GetValueOrDefault("title"),
            Url = fields.GetValueOrDefault("url"),
            Source = fields.GetValueOrDefault("source"),
            PublishedAt = published,
            Language = fields.GetValueOrDefault("language"),
            Collection = fields.GetValueOrDefault("collection"),
        });
    }
}
