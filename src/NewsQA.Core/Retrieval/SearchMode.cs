namespace NewsQA.Core.Retrieval;

/// <summary>Which retrieval runs: both fused (default), vectors only, or German lexical only.</summary>
public enum SearchMode
{
    Hybrid,
    Dense,
    Lexical,
}
