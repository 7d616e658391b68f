using System.Diagnostics;
using System.Globalization;

namespace NewsQA.Benchmarks;

internal static class Measure
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static double Seconds(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalSeconds;
    }

    public static async Task<double> SecondsAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Nearest-rank percentile of <paramref name="sorted"/> (ascending).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static long ResidentBytes()
    {
        // VmRSS from /proc: what the kernel holds in RAM for this process (Environment.WorkingSet reads the same on Linux).
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) * 1024;
            }
        }

        return Environment.WorkingSet;
    }

    public static string F(double value, string format = "F2") => value.ToString(format, Inv);

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
