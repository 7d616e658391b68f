using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Builds the SQL of lexical search: the FTS5 match expression and the filter as a WHERE clause on <c>documents d</c>.</summary>
internal static class SqlFilter
{
    /// <summary><paramref name="select"/> (a MATCH on <c>$match</c> ranked as <c>rank</c>) restricted by the filter, best <paramref name="limit"/> first.</summary>
    public static SqliteCommand LexicalCommand(SqliteConnection connection, string select, string match, SearchFilter filter, int limit)
    {
        var sql = new StringBuilder(select);
        var cmd = SqliteCommands.Command(connection, null, string.Empty);
        cmd.Parameters.AddWithValue("$match", match);
        Append(sql, cmd, filter);
        sql.Append(" ORDER BY rank LIMIT $top");
        cmd.Parameters.AddWithValue("$top", limit);
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    /// <summary>Terms OR-ed, each quoted so no term can be read as FTS5 syntax; null when there is nothing to match.</summary>
    public static string? FtsQuery(IReadOnlyList<string> terms)
    {
        var quoted = terms
            .Where(t => t.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.Ordinal)
            .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .ToList();
        return quoted.Count == 0 ? null : string.Join(" OR ", quoted);
    }

    /// <summary>Overlap semantics of dates: a document matches when its possible days [from, to] meet the range.</summary>
    public static void Append(StringBuilder sql, SqliteCommand cmd, SearchFilter filter)
    {
        if (filter.DocumentIds is { Count: > 0 } ids)
        {
            sql.Append(" AND d.id IN (SELECT value FROM json_each($ids))");
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            sql.Append(" AND lower(d.source) IN (SELECT lower(value) FROM json_each($sources))");
            cmd.Parameters.AddWithValue("$sources", JsonSerializer.Serialize(sources));
        }

        if (filter.Languages is { Count: > 0 } languages)
        {
            sql.Append(" AND d.language IN (SELECT value FROM json_each($languages))");
            cmd.Parameters.AddWithValue("$languages", JsonSerializer.Serialize(languages));
        }

        if (filter.PublishedFrom is { } from)
        {
            sql.Append(" AND d.published_to >= $from");
            cmd.Parameters.AddWithValue("$from", from.Earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filter.PublishedTo is { } to)
        {
            sql.Append(" AND d.published_from <= $to");
            cmd.Parameters.AddWithValue("$to", to.Latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
