using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Retrieval;

public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Each retriever fetches top × this many candidates before fusion, so fusion has room to reorder.</summary>
    [Range(1, 20)]
    public int CandidateMultiplier { get; set; } = 4;

    /// <summary>Lower bound on candidates per retriever.</summary>
    [Range(1, 1000)]
    public int MinCandidates { get; set; } = 40;

    /// <summary>k of reciprocal-rank fusion: larger k flattens the advantage of top ranks.</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;
}
