using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// Lucene.Net's German analysis chain: standard tokenizer, lower case, German and English stop words, umlaut and
/// ß normalisation ("Außenminister" and "Aussenminister" meet) and Snowball's German2 stemmer ("Drohnen" and "Drohne"
/// meet). Against the light stemmer and German-only stop words of Lucene's GermanAnalyzer, English stop words help
/// English questions ("the", "of" matched everything) without moving German, and German2 helps both
/// (docs/quality-levers.md, LuceneTermAnalyzer). Lucene analyzers are thread-safe, so one
/// instance serves all. Changing this chain changes stored terms: run <c>newsqa reindex</c>.
/// </summary>
public sealed class LuceneTermAnalyzer : ITermAnalyzer, IDisposable
{
    private readonly Analyzer analyzer = new Chain();

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

    private sealed class Chain : Analyzer
    {
        private static readonly CharArraySet StopWords =
            new(LuceneVersion.LUCENE_48, GermanAnalyzer.DefaultStopSet.Concat(EnglishAnalyzer.DefaultStopSet).ToList(), false);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream result = new StandardFilter(LuceneVersion.LUCENE_48, source);
            result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
            result = new StopFilter(LuceneVersion.LUCENE_48, result, StopWords);
            result = new GermanNormalizationFilter(result);
            result = new SnowballFilter(result, new German2Stemmer());
            return new TokenStreamComponents(source, result);
        }
    }
}
