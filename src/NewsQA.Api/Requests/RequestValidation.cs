using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core;
using NewsQA.Contracts.Ask;
using NewsQA.Contracts.Search;
using NewsQA.Core.Documents;
using NewsQA.Core.Language;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Requests;

/// <summary>
/// Turns wire requests into Core requests, collecting every problem under the JSON path of its field
/// ("filter.publishedFrom"), so a client sees all its mistakes in one 400.
/// </summary>
internal sealed class RequestValidation(ApiLimitsOptions limits)
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    /// <summary>An empty body or the JSON literal <c>null</c> where a request object belongs.</summary>
    public static Dictionary<string, string[]> MissingBody => new() { ["body"] = ["Send a JSON object as the request body."] };

    public bool IsValid => errors.Count == 0;

    public IDictionary<string, string[]> Errors => errors;

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public string Text(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required and must not be empty.");
            return string.Empty;
        }

        if (value.Length > limits.MaxQueryChars)
        {
            Add(field, $"'{field}' is {value.Length} characters long; the limit is {limits.MaxQueryChars}.");
        }

        return value.Trim();
    }

    public static string InvalidCollection => $"'collection' must be {DocumentKey.DescribeCollection}.";

    /// <summary>The collection a request names (<c>collection</c> in a body, <c>?collection=</c> on a GET); <c>default</c> when none.</summary>
    public string Collection(string? value)
    {
        if (value is null)
        {
            return DocumentKey.DefaultCollection;
        }

        if (!DocumentKey.IsValidCollection(value))
        {
            Add("collection", InvalidCollection);
            return DocumentKey.DefaultCollection;
        }

        return value;
    }

    public int? Top(int? top)
    {
        if (top is < 1 or > SearchRequest.MaxTop)
        {
            Add("top", $"'top' must be between 1 and {SearchRequest.MaxTop}.");
        }

        return top;
    }

    public SearchMode Mode(string? mode) => OneOf("mode", mode, SearchMode.Hybrid);

    public ResultGrouping Group(string? group) => OneOf("group", group, ResultGrouping.Story);

    public ResultOrder Sort(string? sort) => OneOf("sort", sort, ResultOrder.Relevance);

    /// <summary>An enum field given by its wire name: <paramref name="fallback"/> when absent; an unknown name is an error naming the allowed ones.</summary>
    private T OneOf<T>(string field, string? value, T fallback) where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (WireNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        var names = Enum.GetValues<T>().Select(v => $"'{v.ToWireName()}'").ToList();
        Add(field, $"'{field}' must be {(names.Count == 2 ? $"{names[0]} or {names[1]}" : "one of " + string.Join(", ", names))}.");
        return fallback;
    }

    /// <summary>The request's filter inside <paramref name="collection"/>: its document ids become that collection's keys.</summary>
    public SearchFilter Filter(FilterDto? filter, string collection)
    {
        if (filter is null)
        {
            return new SearchFilter { Collection = collection };
        }

        var from = Date("filter.publishedFrom", filter.PublishedFrom);
        var to = Date("filter.publishedTo", filter.PublishedTo);
        if (from is { } f && to is { } t && f.Earliest > t.Latest)
        {
            Add("filter.publishedFrom", "'filter.publishedFrom' is after 'filter.publishedTo'.");
        }

        return new SearchFilter
        {
            Collection = collection,
            DocumentIds = Values("filter.documentIds", filter.DocumentIds)?.Select(id => DocumentKey.Of(collection, id)).ToList(),
            Sources = Values("filter.sources", filter.Sources),
            PublishedFrom = from,
            PublishedTo = to,
            Languages = Language("filter.language", filter.Language) is { } language ? [language] : null,
        };
    }

    /// <summary>A day ("YYYY-MM-DD") that relative dates in a question count from.</summary>
    public DateOnly? ReferenceDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (PublicationDate.TryParse(value, out var date) && date.Precision == DatePrecision.Day && value.Trim().Length == 10)
        {
            return date.Earliest;
        }

        Add("referenceDate", "'referenceDate' must be a day of the form YYYY-MM-DD.");
        return null;
    }

    public IReadOnlyList<ChatTurn> History(IReadOnlyList<ChatTurnDto>? history)
    {
        if (history is null)
        {
            return [];
        }

        if (history.Count > limits.MaxHistoryTurns)
        {
            Add("history", $"'history' has {history.Count} turns; the limit is {limits.MaxHistoryTurns}.");
            return [];
        }

        var turns = new List<ChatTurn>(history.Count);
        for (var i = 0; i < history.Count; i++)
        {
            var turn = history[i];
            // The contract's names exactly (lower case): WireNames.TryParse alone would also take "User".
            if (turn?.Role is not { } name || !WireNames.TryParse<ChatRole>(name, out var role) || role.ToWireName() != name)
            {
                Add($"history[{i}].role", $"'role' must be '{ChatRole.User.ToWireName()}' or '{ChatRole.Assistant.ToWireName()}'.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(turn!.Content) || turn.Content.Length > limits.MaxQueryChars * 4)
            {
                Add($"history[{i}].content", $"'content' must be 1 to {limits.MaxQueryChars * 4} characters.");
                continue;
            }

            turns.Add(new ChatTurn(role, turn.Content));
        }

        return turns;
    }

    public PublicationDate? Date(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (PublicationDate.TryParse(value, out var date) && value.Trim().Length <= 10)
        {
            return date;
        }

        Add(field, $"'{field}' must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
        return null;
    }

    private string? Language(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var code = LanguageCode.Normalize(value);
        if (code is null)
        {
            Add(field, $"'{field}' must be {LanguageCode.Describe}.");
        }

        return code;
    }

    private IReadOnlyList<string>? Values(string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > limits.MaxFilterValues)
        {
            Add(field, $"'{field}' has {values.Count} values; the limit is {limits.MaxFilterValues}.");
        }

        if (values.Any(string.IsNullOrWhiteSpace))
        {
            Add(field, $"'{field}' must not contain empty values.");
        }

        return values.Count == 0 ? null : values;
    }
}
