namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// The terms a chunk is indexed under for lexical search, in every backend: its own text's and its document's title's.
/// A passage deep in an article rarely repeats the headline's subject, while questions name it; the title once per
/// chunk ranked better, twice worse (docs/quality-levers.md, ChunkTerms).
/// </summary>
public static class ChunkTerms
{
    public static IReadOnlyList<string> Of(ITermAnalyzer analyzer, string chunkText, string? title)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = analyzer.Analyze(chunkText);
        if (string.IsNullOrWhiteSpace(title))
        {
            return terms;
        }

        // Wiki-style titles ("Super_Bowl_50") join words with underscores, which the standard tokenizer keeps together.
        return [.. terms, .. analyzer.Analyze(title.Replace('_', ' '))];
    }
}
