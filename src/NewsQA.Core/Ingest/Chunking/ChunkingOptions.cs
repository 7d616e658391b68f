using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Ingest.Chunking;

/// <summary>How documents are cut into passages. Sizes are in UTF-16 characters; the model's window is checked in tokens (docs/quality-levers.md, "Characters per model token").</summary>
public sealed class ChunkingOptions : ISectionOptions
{
    public static string Section => "Chunking";

    /// <summary>
    /// A chunk grows sentence by sentence until it reaches this size. 800 rather than 700: a typical news paragraph
    /// then stays one chunk, so a question's terms meet in one passage instead of being shared between two halves
    /// (the sizes tried and what each did: docs/quality-levers.md, Chunking:TargetChars).
    /// </summary>
    [Range(100, 20_000)]
    public int TargetChars { get; set; } = 800;

    /// <summary>No chunk is longer; a longer sentence is cut at word boundaries. Keep it under the embedding model's window.</summary>
    [Range(200, 40_000)]
    public int MaxChars { get; set; } = 1_400;

    /// <summary>A paragraph break ends a chunk once it holds at least this much.</summary>
    [Range(0, 20_000)]
    public int MinCharsBeforeParagraphBreak { get; set; } = 350;

    /// <summary>
    /// Sentences repeated at the start of the next chunk, so a fact spanning a border is whole in one of them. 0 by
    /// default because no overlap did better for both retrieval and answers at every target size tried
    /// (docs/quality-levers.md, Chunking:OverlapSentences). Raise it for articles whose facts often span sentences.
    /// </summary>
    [Range(0, 5)]
    public int OverlapSentences { get; set; } = 0;
}
