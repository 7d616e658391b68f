using System.Globalization;
using System.Text.Json.Serialization;

namespace NewsQA.Core.Documents;

/// <summary>How much of a publication date is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A publication date known to the year, month or day. Articles often carry only "2025-07";
/// keeping the precision lets a date filter match every document whose possible dates overlap it.
/// </summary>
[JsonConverter(typeof(PublicationDateJsonConverter))]
public readonly record struct PublicationDate(int Year, int? Month = null, int? Day = null)
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day this date could mean.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day this date could mean.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => Earliest,
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>True when some day of this date falls inside [from, to] (either end may be open).</summary>
    public bool Overlaps(PublicationDate? from, PublicationDate? to) =>
        (from is null || Latest >= from.Value.Earliest) && (to is null || Earliest <= to.Value.Latest);

    public static PublicationDate Of(DateOnly day) => new(day.Year, day.Month, day.Day);

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (an ISO timestamp is cut to its day).</summary>
    public static bool TryParse(string? value, out PublicationDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var s = value.Trim();
        if (s.Length > 10 && s[10] is 'T' or ' ')
        {
            s = s[..10];
        }

        var parts = s.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PublicationDate(year, month, day);
        return true;
    }

    public static PublicationDate Parse(string value) =>
        TryParse(value, out var date) ? date : throw new FormatException($"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
