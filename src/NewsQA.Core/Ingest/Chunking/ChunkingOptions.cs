using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Ingest.Chunking;

/// <summary>How documents are cut into passages. Sizes are in UTF-16 characters (German averages ~4 per model token).</summary>
public sealed class ChunkingOptions
{
    public const string Section = "Chunking";

    /// <summary>
    /// A chunk grows sentence by sentence until it reaches this size. 800 rather than 700: a news paragraph (XQuAD's
    /// median 776 characters) then mostly stays one chunk, so a question's terms meet in one passage instead of being
    /// shared between two halves. Measured with <see cref="OverlapSentences"/> 0 on XQuAD-de dev + 1,028 10kGNAD
    /// distractors, lexical (docs/quality-levers.md): R@5 700 .987, 800 .991, 900 .987, 1,000 .989, 1,100 .989.
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
    /// default because it measured better for both retrieval and answers: overlap 1 → 0 gained one or two questions in
    /// R@5 at every target size tried from 300 to 1,000 characters (XQuAD-de dev + distractors, lexical), and at 800
    /// answerContains .786 → .801 (docs/quality-levers.md). Raise it for articles whose facts often span sentences.
    /// </summary>
    [Range(0, 5)]
    public int OverlapSentences { get; set; } = 0;
}
