using System.Text.Json.Serialization;

namespace NewsQA.Evaluation;

/// <summary>Which system an eval run measured; the wire names are the <c>system</c> of <c>newsqa eval --json</c>.</summary>
public enum EvalSystem
{
    /// <summary>The plain BM25 baseline (<see cref="Bm25Baseline"/>): retrieval only, no answers.</summary>
    [JsonStringEnumMemberName("bm25")]
    Bm25Baseline,

    /// <summary>NewsQA's own retrieval and answers.</summary>
    [JsonStringEnumMemberName("newsqa")]
    NewsQa,
}
