using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Evaluation.Calibration;
using NewsQA.Core.Storage;

namespace NewsQA.Evaluation;

/// <summary>
/// Ingests eval paragraphs as documents (id = paragraph id) and any distractors (documents that are no question's
/// gold), then asks every question through the same retrieval and answering the API uses, in the requested mode for
/// both, and scores where the gold paragraph ranks. The same documents feed <see cref="Bm25Baseline"/>, the baseline
/// every report shows beside NewsQA.
/// </summary>
public sealed class EvalRunner(IngestPipeline pipeline, Retriever retriever, AskService ask, IOptions<AnswerOptions> answerOptions, QueryAndPassageEmbedder? encoder = null)
{
    public static IReadOnlyList<T> ReadJsonLines<T>(string path)
    {
        var items = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            items.Add(JsonSerializer.Deserialize<T>(line) ?? throw new InvalidDataException($"{path}:{lineNumber}: empty record"));
        }

        return items;
    }

    /// <summary>Eval paragraphs as documents: clean text whose first sentence is content, so the title is given, not detected.</summary>
    public static IReadOnlyList<DocumentInput> AsDocuments(IReadOnlyList<EvalParagraph> paragraphs) =>
        paragraphs.Select(p => new DocumentInput(p.Text) { Id = p.Id, Title = p.Title ?? p.Id }).ToList();

    /// <summary>Ingests documents in bulk (the pipeline the CLI's ingest uses); rejected inputs are counted, not fatal.</summary>
    public async Task<int> IngestAsync(IReadOnlyList<DocumentInput> documents, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        var rejected = 0;
        await foreach (var outcome in pipeline.IngestManyAsync(documents, cancellationToken).ConfigureAwait(false))
        {
            rejected += outcome.Error is null ? 0 : 1;
            progress?.Report(++done);
        }

        return rejected;
    }

    public Task IngestAsync(IReadOnlyList<EvalParagraph> paragraphs, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        IngestAsync(AsDocuments(paragraphs), progress, cancellationToken);

    /// <summary>
    /// Every question through retrieval and answering, both in <paramref name="mode"/>; hybrid fuses with
    /// <paramref name="weights"/> when given (the pair calibration just fitted), else with the service's. Without
    /// <paramref name="answer"/> only where the gold ranks is scored: no answer is asked for, which with a model is most
    /// of a question's cost (the answerer weighs every candidate sentence by meaning).
    /// </summary>
    public async Task<IReadOnlyList<EvalOutcome>> RunAsync(IReadOnlyList<EvalQuestion> questions, int top, SearchMode mode, IProgress<int>? progress = null, CancellationToken cancellationToken = default, RrfWeights? weights = null, bool answer = true)
    {
        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var q in questions)
        {
            var search = await retriever.SearchAsync(new SearchRequest(q.Question, RetrievalDepth(top), mode, SearchFilter.None) { Weights = weights }, cancellationToken).ConfigureAwait(false);
            var rank = EvalMetrics.RankOf(q.GoldParagraphId, search.Passages.Select(p => p.Hit.Chunk.DocumentId));
            if (!answer)
            {
                outcomes.Add(new EvalOutcome(q.Id, rank <= top ? rank : null, AnswerStatus.NoAnswer, 0, false, false));
                progress?.Report(outcomes.Count);
                continue;
            }

            // The answer sees what the service's ask would retrieve, in the mode under test.
            var request = new AskRequest(q.Question, null, SearchFilter.None, []);
            var forAnswer = await retriever.SearchAsync(new SearchRequest(q.Question, answerOptions.Value.Passages, mode, SearchFilter.None, OnePerDocument: false) { Weights = weights }, cancellationToken).ConfigureAwait(false);
            var answered = await ask.AnswerAsync(new AskRetrieval(request, QuestionLanguage.Detect(q.Question), forAnswer.Passages, forAnswer.SearchMs) { Mode = forAnswer.Mode, QueryVector = forAnswer.QueryVector, Stories = forAnswer }, cancellationToken).ConfigureAwait(false);
            var hit = answered.Status == AnswerStatus.Answered
                && EvalMetrics.ContainsAnswer(answered.Citations.Select(c => c.Quote).Append(answered.Answer.Text), q.Answers);
            var citedGold = answered.Citations.Any(c => c.DocumentId == q.GoldParagraphId);
            outcomes.Add(new EvalOutcome(q.Id, rank <= top ? rank : null, answered.Status, answered.Confidence, hit, citedGold)
            {
                Highlight = answered.Highlight?.Text,
                HighlightExact = answered.Highlight is { } h && q.Answers.Any(a => string.Equals(a.Trim(), h.Text.Trim(), StringComparison.OrdinalIgnoreCase)),
            });
            progress?.Report(outcomes.Count);
        }

        return outcomes;
    }

    /// <summary>
    /// Fits the fusion weights for the attached model (<see cref="FusionWeightFit"/>) on the questions in a language
    /// it declares: each question's two rankings once, fused in memory for every pair, scored where the gold ranks as
    /// <see cref="RunAsync"/> scores it. Null without a searchable model or without such questions (those keep
    /// <c>Retrieval:OtherLanguageDenseWeight</c>, which this does not fit).
    /// </summary>
    public async Task<FusionFit?> FitFusionAsync(IReadOnlyList<EvalQuestion> questions, int top, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (encoder is not { IsSearchable: true })
        {
            return null;
        }

        var known = questions.Where(q => encoder.Profile.Knows(QuestionLanguage.Of(q.Question))).ToList();
        var ranks = FusionWeightFit.Pairs.Select(_ => new List<int?>(known.Count)).ToList();
        var done = 0;
        foreach (var q in known)
        {
            var request = new SearchRequest(q.Question, RetrievalDepth(top), SearchMode.Hybrid, SearchFilter.None);
            var rankings = await retriever.HybridCandidatesAsync(request, cancellationToken).ConfigureAwait(false);
            for (var p = 0; p < FusionWeightFit.Pairs.Count; p++)
            {
                var page = retriever.Fuse(rankings!, FusionWeightFit.Pairs[p], request);
                var rank = EvalMetrics.RankOf(q.GoldParagraphId, page.Select(h => h.Hit.Chunk.DocumentId));
                ranks[p].Add(rank <= top ? rank : null);
            }

            progress?.Report(++done);
        }

        return known.Count == 0 ? null : FusionWeightFit.Choose(ranks, [.. known.Select(q => q.Set ?? "questions")]);
    }

    /// <summary>
    /// The dense and lexical candidates a hybrid search of <paramref name="question"/> fuses, at the depth the metrics
    /// use; null without a searchable model. For measuring fusion mechanisms offline (<c>eval --candidates</c>).
    /// </summary>
    public Task<HybridCandidates?> CandidatesAsync(EvalQuestion question, int top, CancellationToken cancellationToken = default) =>
        retriever.HybridCandidatesAsync(new SearchRequest(question.Question, RetrievalDepth(top), SearchMode.Hybrid, SearchFilter.None), cancellationToken);

    /// <summary>Documents fetched for the retrieval metrics: more chunks than documents needed, a paragraph may be split into several.</summary>
    private static int RetrievalDepth(int top) => Math.Min(SearchRequest.MaxTop, top * 3);

    /// <summary>The baseline over the same documents: retrieval only (it has no answerer), so answer fields stay empty.</summary>
    public static IReadOnlyList<EvalOutcome> RunBaseline(IReadOnlyList<DocumentInput> documents, IReadOnlyList<EvalQuestion> questions, int top)
    {
        var bm25 = new Bm25Baseline();
        var index = 0;
        foreach (var d in documents)
        {
            bm25.Add(d.Id ?? $"#{index}", string.IsNullOrEmpty(d.Title) ? d.Text : d.Title + "\n" + d.Text);
            index++;
        }

        return questions
            .Select(q => new EvalOutcome(q.Id, EvalMetrics.RankOf(q.GoldParagraphId, bm25.Search(q.Question, top)), AnswerStatus.NoAnswer, 0, false, false))
            .ToList();
    }

    public static EvalMetrics Summarize(IReadOnlyList<EvalOutcome> outcomes) => EvalMetrics.Compute(
        outcomes.Select(o => o.GoldRank).ToList(),
        outcomes.Select(o => o.AnswerContains).ToList(),
        outcomes.Select(o => o.Status == AnswerStatus.Answered).ToList()) with
    {
        HighlightExact = outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Status == AnswerStatus.Answered && o.HighlightExact) / (double)outcomes.Count,
        Highlighted = outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Status == AnswerStatus.Answered && o.Highlight is not null) / (double)outcomes.Count,
    };
}

/// <summary>One question's result: where the gold document ranked, and what the answer did.</summary>
public sealed record EvalOutcome(string Id, int? GoldRank, AnswerStatus Status, double Confidence, bool AnswerContains, bool CitedGold)
{
    /// <summary>The answer's highlight is exactly a gold answer span (XQuAD), ignoring case and surrounding space.</summary>
    public bool HighlightExact { get; init; }

    /// <summary>The text the answer marks as its one name, number, date or place (right or wrong), or null.</summary>
    public string? Highlight { get; init; }
}
