using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Query;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// Answers without any language model: it picks the sentence(s) of the retrieved passages that best
/// cover the question's terms, weighing the sentence itself, its passage and the retrieval rank (<see cref="ExtractiveWeights"/>), and
/// returns them verbatim as quotes. A sentence may come with the next one when together they cover more.
/// Confidence below <see cref="AnswerOptions.MinConfidence"/> means no answer, and so does a false premise
/// (<see cref="PremiseCheck"/>).
/// </summary>
public sealed class ExtractiveAnswerer(ITermAnalyzer analyzer, IOptions<AnswerOptions> options, QueryAndPassageEmbedder? encoder = null) : IAnswerer
{
    private static readonly ExtractiveWeights Weights = ExtractiveWeights.Calibrated;

    private readonly SentenceMeaning? meaning = encoder is null ? null : new SentenceMeaning(encoder);

    public AnswerMode Mode => AnswerMode.Extractive;

    /// <inheritdoc/>
    public async Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default)
    {
        var question = QuestionProfile.From(context.Question, analyzer);
        if (question.Terms.Count == 0)
        {
            return AnswerDraft.None("The question has no content words to look for.");
        }

        var analyzed = SentenceCandidates.Analyze(context.Passages, analyzer);
        var vectors = await SentenceVectorsAsync(context, analyzed, cancellationToken).ConfigureAwait(false);
        var candidates = Rank(question, analyzed, RetrievalMargin.PerDocument(context.Passages, question, analyzed.Passages), vectors);
        if (candidates.Count == 0)
        {
            return AnswerDraft.None("No passage was retrieved.");
        }

        // Candidates from an article that lacks a specific term another article has answer another question.
        var texts = analyzed.Passages.Select(p => p.Chunk.Text).ToList();
        var missing = candidates.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => PremiseCheck.MissingIn(id, question, analyzed.Documents, texts), StringComparer.Ordinal);
        var sound = candidates.Where(c => missing[c.DocumentId] is null).ToList();
        if (sound.Count == 0)
        {
            var top = candidates[0];
            return AnswerDraft.None(
                $"No retrieved article mentions '{missing[top.DocumentId]}' together with the rest of the question; the closest one is about something else.",
                top.Confidence);
        }

        var best = sound[0];
        var minConfidence = context.MinConfidence ?? options.Value.MinConfidence;
        if (best.Confidence < minConfidence)
        {
            return AnswerDraft.None(
                $"The best passage covers the question too weakly (confidence {best.Confidence:F2} < {minConfidence:F2}).", best.Confidence);
        }

        var chosen = new List<Candidate> { best };
        foreach (var c in sound.Skip(1))
        {
            if (chosen.Count >= options.Value.MaxSentences)
            {
                break;
            }

            // A second quote only when it is nearly as good and says something the first does not repeat.
            if (c.Confidence >= best.Confidence * Weights.SecondSentenceRatio && c.Quote != best.Quote && !chosen.Any(x => x.DocumentId == c.DocumentId && Overlaps(x.Span, c.Span)))
            {
                chosen.Add(c);
            }
        }

        var segments = chosen
            .Select(c => new DraftSegment(c.Quote, [new DraftQuote(c.DocumentId, c.ChunkId, c.Quote, c.Span)]))
            .ToList();
        var highlight = HighlightFinder.Find(question.Expected, best.Quote, context.Question, texts);
        return new AnswerDraft(true, segments, best.Confidence)
        {
            Highlight = highlight is { } h ? new DraftHighlight(best.Quote, h.Offset, h.Length) : null,
        };
    }

    /// <summary>The passages' sentence vectors when a model ranked them (<see cref="AnswerContext.QueryVector"/>); else null, and words alone count.</summary>
    private async Task<SentenceVectors?> SentenceVectorsAsync(AnswerContext context, AnalyzedPassages analyzed, CancellationToken cancellationToken)
    {
        if (context.QueryVector is not { } query || meaning is null || encoder is not { IsAvailable: true })
        {
            return null;
        }

        var sentences = analyzed.Passages.SelectMany(p => p.Sentences).Select(s => s.Text).ToList();
        try
        {
            var vectors = await meaning.EmbedAsync(sentences, cancellationToken).ConfigureAwait(false);
            return new SentenceVectors(query, analyzed.Passages, vectors);
        }
        catch (EmbedderUnavailableException)
        {
            // The model failed after it ranked: an answer scored by words beats none.
            return null;
        }
    }

    private static List<Candidate> Rank(QuestionProfile question, AnalyzedPassages analyzed, IReadOnlyDictionary<string, double> margins, SentenceVectors? vectors)
    {
        var passages = analyzed.Passages;
        var weights = SentenceScorer.PassageWeights(question, passages.Select(p => p.Terms).ToList());
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].Chunk;
            var passageCoverage = SentenceScorer.Coverage(question, passages[rank].Terms, weights);
            var rankScore = 1.0 / (1 + rank);
            // The article's lead vouches for what its passage says about the question, not for a passage that shares a
            // word or two with it ("Wie hoch ist die Inflation in Deutschland?" on the seeds: the one article naming
            // Deutschland led, and a sentence on British air defence was answered with full confidence).
            var margin = passageCoverage >= Weights.MarginMinPassageCoverage ? Weights.DocumentMargin * margins.GetValueOrDefault(chunk.DocumentId) : 0;
            foreach (var unit in SentenceCandidates.Units(passages[rank]))
            {
                var confidence = (Weights.Sentence * SentenceScorer.Coverage(question, unit.Terms, weights))
                    + (Weights.Passage * passageCoverage)
                    + (Weights.Rank * rankScore)
                    + margin;
                if (question.Expected != ExpectedAnswer.Any && SentenceScorer.HasExpectedAnswer(question.Expected, unit.Text))
                {
                    confidence += Weights.AnswerTypeBonus;
                    if (question.Expected == ExpectedAnswer.Place && SentenceScorer.HasPlace(unit.Text))
                    {
                        confidence += Weights.AnswerTypeBonus;
                    }
                }

                if (!SentenceEnd.IsComplete(unit.Text))
                {
                    confidence -= Weights.HeadlinePenalty;
                }

                if (unit.Paired)
                {
                    confidence -= Weights.PairPenalty;
                }

                // With a model, meaning joins the words: a weighted mean, so confidence keeps the lexical scale's range
                // and stays comparable across questions (the threshold is fitted per model, Calibration/AnswerThreshold).
                var similarity = vectors?.Of(rank, unit);
                if (similarity is { } sim)
                {
                    confidence = (confidence + (Weights.Meaning * sim)) / (1 + Weights.Meaning);
                }

                var span = new TextSpan(chunk.Span.Start + unit.Local.Start, chunk.Span.Start + unit.Local.End);
                candidates.Add(new Candidate(chunk.DocumentId, chunk.Id, unit.Text, span, confidence));
            }
        }

        return candidates
            .OrderByDescending(c => c.Confidence)
            .ThenBy(c => c.Span.Start)
            .DistinctBy(c => (c.DocumentId, c.Span))
            .Select(c => c with { Confidence = Math.Clamp(c.Confidence, 0, 1) })
            .ToList();
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private sealed record Candidate(string DocumentId, string ChunkId, string Quote, TextSpan Span, double Confidence);
}
