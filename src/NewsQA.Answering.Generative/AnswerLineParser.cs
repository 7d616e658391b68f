using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Search.Retrieval;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsQA.Core.Documents;

namespace NewsQA.Answering.Generative;

/// <summary>
/// Reads the model's answer as it streams: JSON Lines of <c>{"sentence", "quotes": [{"passage", "quote"}]}</c>
/// or a single <c>{"noAnswer": true}</c>. A sentence is handed out as soon as its line is complete.
/// Quotes are mapped to the passage their number names; a quote whose only difference from the passage is
/// whitespace or quotation-mark style is replaced by the passage's own words (the verifier still checks them).
/// Tolerates code fences, prose around the lines, and one JSON array or <c>{"sentences": [...]}</c> instead of lines.
/// </summary>
internal sealed partial class AnswerLineParser(IReadOnlyList<RetrievedPassage> passages)
{
    private readonly StringBuilder pending = new();
    private readonly StringBuilder all = new();
    private readonly List<DraftSegment> segments = [];

    public IReadOnlyList<DraftSegment> Segments => segments;

    public bool NoAnswer { get; private set; }

    /// <summary>Sentences whose quotes named no passage there is, or that had no quote at all.</summary>
    public int Unsupported { get; private set; }

    /// <summary>Feeds streamed text; returns the segments completed by it.</summary>
    public IReadOnlyList<DraftSegment> Push(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        all.Append(text);
        pending.Append(text);
        var done = new List<DraftSegment>();
        int newline;
        while ((newline = IndexOf(pending, '\n')) >= 0)
        {
            var line = pending.ToString(0, newline);
            pending.Remove(0, newline + 1);
            if (TryLine(line) is { } segment)
            {
                done.Add(segment);
            }
        }

        return done;
    }

    /// <summary>End of stream: the last line, or the whole output as one JSON document if no line parsed.</summary>
    public IReadOnlyList<DraftSegment> Complete()
    {
        var done = new List<DraftSegment>();
        if (TryLine(pending.ToString()) is { } last)
        {
            done.Add(last);
        }

        pending.Clear();
        if (segments.Count == 0 && !NoAnswer)
        {
            done.AddRange(TryWhole(all.ToString()));
        }

        return done;
    }

    private DraftSegment? TryLine(string line)
    {
        var t = line.Trim().TrimEnd(',');
        if (!t.StartsWith('{') || !t.EndsWith('}'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(t);
            return Accept(json.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private List<DraftSegment> TryWhole(string text)
    {
        var t = Fence().Replace(text, string.Empty).Trim();
        var start = t.IndexOfAny(['[', '{']);
        if (start < 0)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(t[start..]);
            var root = json.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && (Property(root, "sentences") ?? Property(root, "answer")) is { ValueKind: JsonValueKind.Array } list ? list
                : (JsonElement?)null;
            if (items is null)
            {
                return Accept(root) is { } single ? [single] : [];
            }

            var found = new List<DraftSegment>();
            foreach (var item in items.Value.EnumerateArray())
            {
                if (Accept(item) is { } segment)
                {
                    found.Add(segment);
                }
            }

            return found;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private DraftSegment? Accept(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Property(item, "noAnswer") is { ValueKind: JsonValueKind.True })
        {
            NoAnswer = segments.Count == 0;
            return null;
        }

        if ((Property(item, "sentence") ?? Property(item, "text")) is not { ValueKind: JsonValueKind.String } sentence)
        {
            return null;
        }

        var text = Whitespace().Replace(Marker().Replace(sentence.GetString()!, string.Empty), " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        text = SpaceBeforePunctuation().Replace(text, "$1");
        var quotes = new List<DraftQuote>();
        if ((Property(item, "quotes") ?? Property(item, "citations")) is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var q in list.EnumerateArray())
            {
                if (ToQuote(q) is { } quote)
                {
                    quotes.Add(quote);
                }
                else
                {
                    Unsupported++;
                }
            }
        }

        if (quotes.Count == 0)
        {
            Unsupported++;
        }

        var segment = new DraftSegment(text, quotes);
        segments.Add(segment);
        return segment;
    }

    private DraftQuote? ToQuote(JsonElement q)
    {
        if (q.ValueKind != JsonValueKind.Object
            || (Property(q, "quote") ?? Property(q, "text")) is not { ValueKind: JsonValueKind.String } quoteElement
            || (Property(q, "passage") ?? Property(q, "n") ?? Property(q, "source")) is not { } numberElement)
        {
            return null;
        }

        var n = numberElement.ValueKind switch
        {
            JsonValueKind.Number when numberElement.TryGetInt32(out var i) => i,
            JsonValueKind.String when int.TryParse(numberElement.GetString()!.Trim('[', ']', ' '), out var i) => i,
            _ => 0,
        };
        var quote = quoteElement.GetString()!.Trim();
        if (n < 1 || n > passages.Count || quote.Length == 0)
        {
            return null;
        }

        var chunk = passages[n - 1].Hit.Chunk;
        return QuoteLocator.LocateTolerant(chunk.Text, quote) is { } local
            ? new DraftQuote(chunk.DocumentId, chunk.Id, chunk.Text[local.Start..local.End], new TextSpan(chunk.Span.Start + local.Start, chunk.Span.Start + local.End))
            : new DraftQuote(chunk.DocumentId, chunk.Id, quote);
    }

    private static JsonElement? Property(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static int IndexOf(StringBuilder sb, char c)
    {
        for (var i = 0; i < sb.Length; i++)
        {
            if (sb[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\s*\[\s*\d+(\s*[,;]\s*\d+)*\s*\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"```[a-zA-Z]*")]
    private static partial Regex Fence();
}
