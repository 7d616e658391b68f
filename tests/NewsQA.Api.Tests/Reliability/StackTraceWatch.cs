using System.Text;
using System.Text.RegularExpressions;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// Reads a process's console log line by line and keeps every entry that printed a stack trace (its header and
/// message lines, not the frames), however long the process runs: <see cref="ApiProcess.Output"/> keeps only the
/// last lines, and a battery of probes against one process logs more than that.
/// </summary>
internal sealed partial class StackTraceWatch
{
    private const int MaxEntryChars = 4000;
    private readonly Lock gate = new();
    private readonly List<string> traced = [];
    private readonly StringBuilder entry = new();
    private bool entryTraced;

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. traced];
            }
        }
    }

    /// <summary>Called for stdout and stderr lines alike, from the threads that read them.</summary>
    public void Read(string line)
    {
        lock (gate)
        {
            if (EntryStart().IsMatch(line))
            {
                entry.Clear();
                entryTraced = false;
            }

            if (IsFrame(line))
            {
                if (!entryTraced)
                {
                    traced.Add(entry.ToString());
                    entryTraced = true;
                }
            }
            else if (!entryTraced && entry.Length < MaxEntryChars)
            {
                entry.AppendLine(line);
            }
        }
    }

    /// <summary>A frame as .NET prints it, indented: <c>   at Type.Method(...)</c>.</summary>
    private static bool IsFrame(string line) =>
        line.Length > 0 && char.IsWhiteSpace(line[0]) && line.TrimStart().StartsWith("at ", StringComparison.Ordinal);

    /// <summary>The console logger's first line of an entry, after the optional timestamp: <c>warn: Category[0]</c>.</summary>
    [GeneratedRegex(@"^(\S+ )?(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryStart();
}
