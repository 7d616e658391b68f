using System.Text.Json.Serialization;

namespace NewsQA.Core.Documents;

/// <summary>
/// A range of UTF-16 code units in a document's text, end exclusive — the unit C# strings and
/// JavaScript index in, so clients can slice the text they fetched without any conversion.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    [JsonIgnore]
    public int Length => End - Start;

    public bool IsValidFor(string text) => Start >= 0 && End >= Start && End <= text.Length;

    public string Slice(string text) => text.Substring(Start, End - Start);

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public override string ToString() => $"[{Start},{End})";
}
