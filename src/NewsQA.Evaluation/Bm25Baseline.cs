using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;

namespace NewsQA.Evaluation;

/// <summary>
/// The baseline every eval report shows beside NewsQA: a plain whole-document BM25 as anyone would write it in an
/// afternoon — lower case, umlaut folding, crude German suffix stripping, German and English stop words, k1 1.2,
/// b 0.75 (Robertson's BM25 with Lucene's idf, log(1 + (N − df + 0.5)/(df + 0.5))). It shares no code with NewsQA's
/// analysis or search on purpose: it is the yardstick, so a change to NewsQA cannot move it.
/// </summary>
public sealed class Bm25Baseline
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly HashSet<string> StopWords = BuildStopWords();
    private static readonly string[] Suffixes = ["ern", "em", "en", "er", "es", "e", "n", "s"];

    private readonly List<string> ids = [];
    private readonly List<Dictionary<string, int>> termFrequencies = [];
    private readonly List<int> lengths = [];
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);

    public int Count => ids.Count;

    /// <summary>Indexes one whole document (title and text as one field).</summary>
    public void Add(string id, string text)
    {
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        foreach (var term in Tokenize(text))
        {
            tf[term] = tf.GetValueOrDefault(term) + 1;
            length++;
        }

        var doc = ids.Count;
        ids.Add(id);
        termFrequencies.Add(tf);
        lengths.Add(length);
        foreach (var term in tf.Keys)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
            }

            list.Add(doc);
        }
    }

    /// <summary>Document ids, best first, at most <paramref name="top"/>; ties break by id.</summary>
    public IReadOnlyList<string> Search(string query, int top)
    {
        var n = ids.Count;
        if (n == 0)
        {
            return [];
        }

        var averageLength = lengths.Average();
        var scores = new Dictionary<int, double>();
        foreach (var term in Tokenize(query).Distinct(StringComparer.Ordinal))
        {
            if (!postings.TryGetValue(term, out var docs))
            {
                continue;
            }

            var idf = Math.Log(1 + ((n - docs.Count + 0.5) / (docs.Count + 0.5)));
            foreach (var doc in docs)
            {
                double tf = termFrequencies[doc][term];
                var norm = K1 * (1 - B + (B * lengths[doc] / averageLength));
                scores[doc] = scores.GetValueOrDefault(doc) + (idf * tf * (K1 + 1) / (tf + norm));
            }
        }

        return scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => ids[s.Key], StringComparer.Ordinal)
            .Take(top)
            .Select(s => ids[s.Key])
            .ToList();
    }

    /// <summary>Letters-and-digits words, lower-cased, umlauts folded, stop words dropped, a common suffix stripped.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var word = new StringBuilder();
        foreach (var c in (text + " ").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (word.Length > 0)
            {
                var w = Fold(word.ToString());
                word.Clear();
                if (!StopWords.Contains(w))
                {
                    yield return Strip(w);
                }
            }
        }
    }

    private static string Fold(string w) => w.Replace("ä", "a", StringComparison.Ordinal).Replace("ö", "o", StringComparison.Ordinal)
        .Replace("ü", "u", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);

    private static string Strip(string w)
    {
        foreach (var suffix in Suffixes)
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }

    private static HashSet<string> BuildStopWords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stop in GermanAnalyzer.DefaultStopSet.Concat(EnglishAnalyzer.DefaultStopSet))
        {
            set.Add(Fold(stop));
        }

        return set;
    }
}
