namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// Turns text into the terms lexical search matches on. The same analyzer feeds the embedded
/// index, Qdrant's sparse vectors and the answerer's term overlap, so all three agree on what a word is.
/// </summary>
public interface ITermAnalyzer
{
    /// <summary>Terms of <paramref name="text"/> in order of occurrence (with repeats).</summary>
    IReadOnlyList<string> Analyze(string text);
}
