using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;
using NewsQA.Core.Answer.Citations;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// The quotable units of the retrieved passages, each analyzed once: every sentence, and every sentence together
/// with the next one of its paragraph (the fact is often in the sentence after the one that matches the
/// question: "… zum elektromagnetischen Kampf wachsen werde. Belgien, Estland … wollten sich anschließen."), less
/// the sentences that would pass for the service's own words (<see cref="NotAnAnswer"/>).
/// </summary>
internal static class SentenceCandidates
{
    public static AnalyzedPassages Analyze(IReadOnlyList<RetrievedPassage> passages, ITermAnalyzer analyzer)
    {
        var analyzed = new List<AnalyzedPassage>(passages.Count);
        var documents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            var chunk = passage.Hit.Chunk;
            var sentences = SentenceSplitter.Split(chunk.Text)
                .Select(local =>
                {
                    var text = local.Slice(chunk.Text);
                    return new Sentence(local, text, new HashSet<string>(analyzer.Analyze(text), StringComparer.Ordinal));
                })
                .ToList();

            // A passage's terms are the union of its sentences' (sentences cover every word of a chunk).
            var terms = new HashSet<string>(StringComparer.Ordinal);
            sentences.ForEach(s => terms.UnionWith(s.Terms));
            analyzed.Add(new AnalyzedPassage(chunk, sentences, terms));
            if (!documents.TryGetValue(chunk.DocumentId, out var documentTerms))
            {
                documents[chunk.DocumentId] = documentTerms = new HashSet<string>(StringComparer.Ordinal);
            }

            documentTerms.UnionWith(terms);
        }

        return new AnalyzedPassages(analyzed, documents);
    }

    /// <summary>Units of one passage: each sentence, then each sentence joined to the next one of its paragraph.</summary>
    public static IEnumerable<Unit> Units(AnalyzedPassage passage)
    {
        var s = passage.Sentences;
        for (var i = 0; i < s.Count; i++)
        {
            // A sentence that would pass for the service's own words or marks is no unit, alone or paired.
            if (NotAnAnswer.Holds(s[i].Text))
            {
                continue;
            }

            if (s[i].Terms.Count > 0)
            {
                yield return new Unit(s[i].Local, s[i].Text, s[i].Terms, Paired: false, First: i);
            }

            if (i + 1 < s.Count && s[i + 1].Terms.Count > 0 && s[i].Terms.Count > 0 && !NotAnAnswer.Holds(s[i + 1].Text) && SentenceEnd.IsComplete(s[i].Text)
                && !passage.Chunk.Text.AsSpan(s[i].Local.End, s[i + 1].Local.Start - s[i].Local.End).Contains('\n'))
            {
                var local = new TextSpan(s[i].Local.Start, s[i + 1].Local.End);
                var terms = new HashSet<string>(s[i].Terms, StringComparer.Ordinal);
                terms.UnionWith(s[i + 1].Terms);
                yield return new Unit(local, local.Slice(passage.Chunk.Text), terms, Paired: true, First: i);
            }
        }
    }
}

internal sealed record Sentence(TextSpan Local, string Text, ISet<string> Terms);

internal sealed record AnalyzedPassage(Chunk Chunk, IReadOnlyList<Sentence> Sentences, ISet<string> Terms);

/// <summary>The analyzed passages in rank order, and per document the terms of all its retrieved passages.</summary>
internal sealed record AnalyzedPassages(IReadOnlyList<AnalyzedPassage> Passages, IReadOnlyDictionary<string, HashSet<string>> Documents);

/// <summary>A sentence, or two adjacent ones, with its span in its chunk.</summary>
/// <param name="Local">Its span in its chunk.</param>
/// <param name="Text">Its text.</param>
/// <param name="Terms">Its analyzed terms.</param>
/// <param name="Paired">Two sentences, <paramref name="First"/> and the next.</param>
/// <param name="First">Index of its (first) sentence in the passage's <see cref="AnalyzedPassage.Sentences"/>.</param>
internal sealed record Unit(TextSpan Local, string Text, ISet<string> Terms, bool Paired, int First);
