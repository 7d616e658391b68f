using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NewsQA.Core;

/// <summary>
/// An enum value's name on the wire, from its <see cref="JsonStringEnumMemberNameAttribute"/>: the JSON, the
/// CLI's text, log tags and metric labels all use the one name the attribute declares.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string ToWireName<T>(this T value) where T : struct, Enum =>
        Cache.GetOrAdd(value, static v =>
            v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{v.GetType().Name}.{v} has no wire name."));

    /// <summary>The value whose wire name is <paramref name="name"/> (case-insensitive), if any.</summary>
    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
