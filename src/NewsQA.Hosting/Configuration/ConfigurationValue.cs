using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsQA.Hosting.Configuration;

/// <summary>
/// One configuration value against the type and data annotations of the options property it binds to, in the
/// words the start-up line uses. Parsing follows the configuration binder (invariant culture,
/// Microsoft.Extensions.Configuration.Binder, ConfigurationBinder.TryConvertValue via the type's TypeConverter).
/// </summary>
public static class ConfigurationValue
{
    /// <summary>Null when <paramref name="value"/> is unset, empty or fits; otherwise the one line to print.</summary>
    public static string? Check(string key, string? value, Type type, IEnumerable<ValidationAttribute> attributes)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Blank(key, value) is { } blank)
        {
            return blank;
        }

        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var range = attributes.OfType<RangeAttribute>().FirstOrDefault();
        var text = value.Trim();
        if (valueType == typeof(int) || valueType == typeof(long))
        {
            var ok = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && (valueType == typeof(long) || number is >= int.MinValue and <= int.MaxValue);
            return ok && InRange(range, number) ? null : $"{key} must be a whole number{Bounds(range)}, got '{value}'";
        }

        if (valueType == typeof(double))
        {
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
            return ok && InRange(range, number) ? null : $"{key} must be a number{Bounds(range)}, got '{value}'";
        }

        if (valueType == typeof(bool))
        {
            return bool.TryParse(text, out _) ? null : $"{key} must be true or false, got '{value}'";
        }

        if (valueType == typeof(TimeSpan))
        {
            var ok = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
                && (range is null || (span >= TimeSpan.Parse((string)range.Minimum, CultureInfo.InvariantCulture) && span <= TimeSpan.Parse((string)range.Maximum, CultureInfo.InvariantCulture)));
            return ok ? null : $"{key} must be a duration (hh:mm:ss){(range is null ? string.Empty : $" from {range.Minimum} to {range.Maximum}")}, got '{value}'";
        }

        if (valueType == typeof(Uri))
        {
            return IsHttpUrl(text) ? null : $"{key} must be an absolute http(s) URL, got '{value}'";
        }

        // The whole value must match, as RegularExpressionAttribute itself demands at ValidateOnStart: a pattern's $
        // also matches before a final newline.
        if (valueType == typeof(string) && attributes.OfType<RegularExpressionAttribute>().FirstOrDefault() is { } pattern
            && !MatchesWhole(value, pattern.Pattern))
        {
            return $"{key} must match {pattern.Pattern}, got '{value}'";
        }

        return null;
    }

    /// <summary>A value of only spaces is never what was meant: a folder named " ", a key that can never match.</summary>
    private static bool MatchesWhole(string value, string pattern) =>
        Regex.Match(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true, Index: 0 } match && match.Length == value.Length;

    public static string? Blank(string key, string value) =>
        value.Length > 0 && string.IsNullOrWhiteSpace(value) ? $"{key} is only spaces ('{value}'); leave it empty or unset for the default" : null;

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    /// <summary>" ≥ 1" or " from 1 to 1024", as the data annotation says.</summary>
    public static string Bounds(RangeAttribute? range)
    {
        if (range is null)
        {
            return string.Empty;
        }

        var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        return max >= 1_000_000 ? $" ≥ {Format(min)}" : $" from {Format(min)} to {Format(max)}";
    }

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A default as the binder reads it back (invariant culture, TimeSpan in "c" form).</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool InRange(RangeAttribute? range, double value) =>
        range is null || (value >= Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture) && value <= Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture));
}
