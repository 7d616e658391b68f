using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Search.Fusion;

/// <summary>
/// How dense and lexical rankings are fused, read by every backend: the in-process fusion of the embedded store
/// and Qdrant's server-side prefetch + RRF take their candidate depth and k from here, so a query ranks the same
/// everywhere. Configured under <c>Retrieval</c>.
/// </summary>
public sealed class FusionOptions : ISectionOptions
{
    public static string Section => "Retrieval";

    /// <summary>Each retriever fetches top × this many candidates before fusion, so fusion has room to reorder.</summary>
    [Range(1, 20)]
    public int CandidateMultiplier { get; set; } = 4;

    /// <summary>Lower bound on candidates per retriever.</summary>
    [Range(1, 1000)]
    public int MinCandidates { get; set; } = 40;

    /// <summary>k of reciprocal-rank fusion, score = Σ 1 / (k + rank) with ranks from 1: larger k flattens the advantage of top ranks.</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// Weight of the dense side: with <see cref="FusionMethod.Scores"/> a factor on its share (only the ratio to
    /// <see cref="LexicalWeight"/> matters), with <see cref="FusionMethod.Rrf"/> its weight in weighted RRF, Qdrant's formula: score = Σ 1 / (k + rank / weight) (ranks from 1;
    /// Qdrant's lib/segment/src/common/reciprocal_rank_fusion.rs writes it 1 / ((pos + 1) / w + k − 1) with pos from 0
    /// and its own k one larger). 1 with 1 for lexical is plain RRF. <c>newsqa eval --calibrate</c> fits it per model.
    /// </summary>
    [Range(0.0, 100.0)]
    public double DenseWeight { get; set; } = 1.0;

    /// <summary>Weight of the lexical ranking (see <see cref="DenseWeight"/>).</summary>
    [Range(0.01, 100.0)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>
    /// Dense weight for a question in a language the model does not declare (manifest <c>languages</c>). 0, the
    /// default, leaves the dense ranking out: an English model's ranking of German text is noise that fusion can only
    /// add, and plain RRF with it ranked German questions well below lexical alone (docs/quality-levers.md,
    /// Retrieval:OtherLanguageDenseWeight).
    /// </summary>
    [Range(0.0, 100.0)]
    public double OtherLanguageDenseWeight { get; set; }

    /// <summary>
    /// How hybrid search fuses: <see cref="FusionMethod.Scores"/> (default, <see cref="ScoreFusion"/>: normalised scores
    /// with a per-question dense share, in process on every backend) or <see cref="FusionMethod.Rrf"/> (weighted RRF,
    /// on Qdrant's server with the Qdrant store). Measured in docs/quality-levers.md (issue 32).
    /// </summary>
    public FusionMethod Method { get; set; } = FusionMethod.Scores;

    /// <summary>Score fusion: the dense share when the lexical ranking is sure of its first document (ratio at or below <see cref="LexicalSureRatio"/>).</summary>
    [Range(0.0, 1.0)]
    public double DenseShareLexicalSure { get; set; } = 0.2;

    /// <summary>Score fusion: the dense share when the lexical ranking is unsure (ratio at or above <see cref="LexicalUnsureRatio"/>).</summary>
    [Range(0.0, 1.0)]
    public double DenseShareLexicalUnsure { get; set; } = 0.6;

    /// <summary>Score fusion: second-best over best document BM25 score at or below which the lexical ranking counts as sure.</summary>
    [Range(0.0, 1.0)]
    public double LexicalSureRatio { get; set; } = 0.5;

    /// <summary>Score fusion: the ratio at or above which the lexical ranking counts as unsure (above <see cref="LexicalSureRatio"/>).</summary>
    [Range(0.0, 1.0)]
    public double LexicalUnsureRatio { get; set; } = 0.8;

    /// <summary>How many candidates each ranking contributes to fusion for a page of <paramref name="top"/>.</summary>
    public int CandidatesFor(int top) => Math.Max(MinCandidates, top * CandidateMultiplier);
}
