using System.Globalization;

namespace NewsQA.Benchmarks;

/// <summary><c>--key value</c> pairs of a subcommand, with typed defaults.</summary>
internal sealed class BenchArgs(Dictionary<string, string> values)
{
    public static BenchArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new BenchArgs(values);
    }

    public string Get(string key, string fallback) => values.GetValueOrDefault(key, fallback);

    public int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string key, string fallback) =>
        [.. Get(key, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
}
