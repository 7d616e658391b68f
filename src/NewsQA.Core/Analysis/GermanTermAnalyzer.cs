using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace NewsQA.Core.Analysis;

/// <summary>
/// Lucene.Net's German analysis chain: standard tokenizer, lower case, German stop words, umlaut and
/// ß normalisation ("Außenminister" and "Aussenminister" meet) and the light German stemmer
/// ("Drohnen" and "Drohne" meet). Lucene analyzers are thread-safe, so one instance serves all.
/// </summary>
public sealed class GermanTermAnalyzer : ITermAnalyzer, IDisposable
{
    private readonly GermanAnalyzer analyzer = new(LuceneVersion.LUCENE_48);

    /// <inheritdoc/>
    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose() => analyzer.Dispose();
}
