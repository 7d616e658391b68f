using NewsQA.Core.Query;
using NewsQA.Core.Citations;
using Microsoft.Extensions.Options;
using NewsQA.Core.Analysis;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Answers without any language model: it picks the sentence(s) of the retrieved passages that best
/// cover the question's terms, weighing the sentence itself, its passage and the retrieval rank (<see cref="ExtractiveWeights"/>), and
/// returns them verbatim as quotes. Confidence below <see cref="AnswerOptions.MinConfidence"/> means no answer.
/// </summary>
public sealed class ExtractiveAnswerer(ITermAnalyzer analyzer, IOptions<AnswerOptions> options) : IAnswerer
{
    private static readonly ExtractiveWeights Weights = ExtractiveWeights.Calibrated;

    public AnswerMode Mode => AnswerMode.Extractive;

    /// <inheritdoc/>
    public Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default)
    {
        var question = QuestionProfile.From(context.Question, analyzer);
        if (question.Terms.Count == 0)
        {
            return Task.FromResult(AnswerDraft.None("The question has no content words to look for."));
        }

        var candidates = Rank(question, context);
        if (candidates.Count == 0)
        {
            return Task.FromResult(AnswerDraft.None("No passage was retrieved."));
        }

        var best = candidates[0];
        if (best.Confidence < options.Value.MinConfidence)
        {
            return Task.FromResult(AnswerDraft.None(
                $"The best passage covers the question too weakly (confidence {best.Confidence:F2} < {options.Value.MinConfidence:F2}).", best.Confidence));
        }

        var chosen = new List<Candidate> { best };
        foreach (var c in candidates.Skip(1))
        {
            if (chosen.Count >= options.Value.MaxSentences)
            {
                break;
            }

            // A second sentence only when it is nearly as good and says something the first does not repeat.
            if (c.Confidence >= best.Confidence * Weights.SecondSentenceRatio && c.Quote != best.Quote && !chosen.Any(x => x.DocumentId == c.DocumentId && Overlaps(x.Span, c.Span)))
            {
                chosen.Add(c);
            }
        }

        var segments = chosen
            .Select(c => new DraftSegment(c.Quote, [new DraftQuote(c.DocumentId, c.ChunkId, c.Quote, c.Span)]))
            .ToList();
        return Task.FromResult(new AnswerDraft(true, segments, best.Confidence));
    }

    private List<Candidate> Rank(QuestionProfile question, AnswerContext context)
    {
        // Each sentence is analyzed once; a passage's terms are the union of its sentences' terms (sentences
        // cover every word of a chunk, and no token crosses the white space between them).
        var passages = context.Passages.Select(p => SplitAndAnalyze(p.Hit.Chunk)).ToList();
        var weights = SentenceScorer.PassageWeights(question, passages.Select(p => p.Terms).ToList());
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = context.Passages[rank].Hit.Chunk;
            var passageCoverage = SentenceScorer.Coverage(question, passages[rank].Terms, weights);
            var rankScore = 1.0 / (1 + rank);
            foreach (var (local, sentence, sentenceTerms) in passages[rank].Sentences)
            {
                if (sentenceTerms.Count == 0)
                {
                    continue;
                }

                var confidence = (Weights.Sentence * SentenceScorer.Coverage(question, sentenceTerms, weights))
                    + (Weights.Passage * passageCoverage)
                    + (Weights.Rank * rankScore);
                if (question.Expected != ExpectedAnswer.Any && SentenceScorer.HasExpectedAnswer(question.Expected, sentence))
                {
                    confidence += Weights.AnswerTypeBonus;
                }

                if (!SentenceEnd.IsComplete(sentence))
                {
                    confidence -= Weights.HeadlinePenalty;
                }

                var span = new TextSpan(chunk.Span.Start + local.Start, chunk.Span.Start + local.End);
                candidates.Add(new Candidate(chunk.DocumentId, chunk.Id, sentence, span, Math.Clamp(confidence, 0, 1)));
            }
        }

        return candidates
            .OrderByDescending(c => c.Confidence)
            .ThenBy(c => c.Span.Start)
            .DistinctBy(c => (c.DocumentId, c.Span))
            .ToList();
    }

    private AnalyzedPassage SplitAndAnalyze(Chunk chunk)
    {
        var sentences = SentenceSplitter.Split(chunk.Text)
            .Select(local =>
            {
                var sentence = local.Slice(chunk.Text);
                return (Local: local, Text: sentence, Terms: (ISet<string>)new HashSet<string>(analyzer.Analyze(sentence), StringComparer.Ordinal));
            })
            .ToList();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        sentences.ForEach(s => terms.UnionWith(s.Terms));
        return new AnalyzedPassage(sentences, terms);
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private sealed record AnalyzedPassage(IReadOnlyList<(TextSpan Local, string Text, ISet<string> Terms)> Sentences, ISet<string> Terms);

    private sealed record Candidate(string DocumentId, string ChunkId, string Quote, TextSpan Span, double Confidence);
}
