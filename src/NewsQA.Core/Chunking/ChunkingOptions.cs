using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Chunking;

/// <summary>How documents are cut into passages. Sizes are in UTF-16 characters (German averages ~4 per model token).</summary>
public sealed class ChunkingOptions
{
    public const string Section = "Chunking";

    /// <summary>A chunk grows sentence by sentence until it reaches this size.</summary>
    [Range(100, 20_000)]
    public int TargetChars { get; set; } = 700;

    /// <summary>No chunk is longer; a longer sentence is cut at word boundaries. Keep it under the embedding model's window.</summary>
    [Range(200, 40_000)]
    public int MaxChars { get; set; } = 1_400;

    /// <summary>A paragraph break ends a chunk once it holds at least this much.</summary>
    [Range(0, 20_000)]
    public int MinCharsBeforeParagraphBreak { get; set; } = 350;

    /// <summary>Sentences repeated at the start of the next chunk, so a fact at a border is whole in one of them.</summary>
    [Range(0, 5)]
    public int OverlapSentences { get; set; } = 1;
}
