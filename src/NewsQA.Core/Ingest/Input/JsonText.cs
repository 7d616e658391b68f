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

    /// <summary>Whether a JSON error is System.Text.Json's refusal of a lone surrogate while it read a string.</summary>
    public static bool IsLoneSurrogate(JsonException exception) => exception.InnerException is InvalidOperationException;
}
