using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Stories;

/// <summary>
/// How near-copies of a stored article are found at ingest (MinHash over word shingles, LSH banding: <see cref="StorySignature"/>).
/// <see cref="Bands"/> × <see cref="Rows"/> is the signature's length; a document that shares one band with a stored one
/// is a candidate, and joins its story when the signatures' estimated Jaccard similarity reaches
/// <see cref="MinSimilarity"/>. The defaults and what they give on the test set: docs/stories.md.
/// </summary>
public sealed class StoryOptions : ISectionOptions
{
    public static string Section => "Stories";

    /// <summary>Off: every document is a story of its own, and nothing is looked up at ingest.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Words per shingle: 3 keeps two articles on one topic (same names, same phrases) apart.</summary>
    [Range(1, 8)]
    public int ShingleWords { get; set; } = 3;

    /// <summary>LSH bands; more bands find pairs of lower similarity as candidates, at one stored key per band.</summary>
    [Range(1, 128)]
    public int Bands { get; set; } = 32;

    /// <summary>Signature values per band; more rows make a band match rarer for dissimilar documents.</summary>
    [Range(1, 16)]
    public int Rows { get; set; } = 2;

    /// <summary>The estimated Jaccard similarity of two documents' shingles from which they are one story.</summary>
    [Range(0.05, 1.0)]
    public double MinSimilarity { get; set; } = 0.3;

    /// <summary>
    /// A text with fewer shingles is a story of its own and never a candidate: a stub ("the full text is no longer
    /// available …") is mostly boilerplate, which many unrelated stubs share.
    /// </summary>
    [Range(0, 10_000)]
    public int MinShingles { get; set; } = 40;

    /// <summary>Two dated documents further apart than this many days are never one story; 0: no limit.</summary>
    [Range(0, 3650)]
    public int MaxDaysApart { get; set; } = 7;
}
