using System.Text.Json;
using NewsQA.Core.Answering;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Pipeline;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Evaluation;

/// <summary>
/// Ingests eval paragraphs as documents (id = paragraph id), then asks every question through the
/// same retrieval and answering the API uses and scores where the gold paragraph ranks.
/// </summary>
public sealed class EvalRunner(IngestPipeline pipeline, Retriever retriever, AskService ask)
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

    public async Task IngestAsync(IReadOnlyList<EvalParagraph> paragraphs, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        foreach (var p in paragraphs)
        {
            // Eval paragraphs are clean text whose first sentence is content, so the title is given, not detected.
            await pipeline.IngestAsync(new DocumentInput(p.Text) { Id = p.Id, Title = p.Title ?? p.Id }, cancellationToken).ConfigureAwait(false);
            progress?.Report(++done);
        }
    }

    public async Task<IReadOnlyList<EvalOutcome>> RunAsync(IReadOnlyList<EvalQuestion> questions, int top, SearchMode mode, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var q in questions)
        {
            // Fetch more chunks than documents needed: a paragraph may be split into several chunks.
            var search = await retriever.SearchAsync(new SearchRequest(q.Question, Math.Min(50, top * 3), mode, SearchFilter.None), cancellationToken).ConfigureAwait(false);
            var rank = EvalMetrics.RankOf(q.GoldParagraphId, search.Passages.Select(p => p.Hit.Chunk.DocumentId));

            var answer = await ask.AskAsync(new AskRequest(q.Question, null, SearchFilter.None, []), cancellationToken).ConfigureAwait(false);
            var hit = answer.Status == AnswerStatus.Answered
                && EvalMetrics.ContainsAnswer(answer.Citations.Select(c => c.Quote).Append(answer.Answer.Text), q.Answers);
            var citedGold = answer.Citations.Any(c => c.DocumentId == q.GoldParagraphId);
            outcomes.Add(new EvalOutcome(q.Id, rank <= top ? rank : null, answer.Status, answer.Confidence, hit, citedGold)
            {
                HighlightExact = answer.Highlight is { } h && q.Answers.Any(a => string.Equals(a.Trim(), h.Text.Trim(), StringComparison.OrdinalIgnoreCase)),
            });
            progress?.Report(outcomes.Count);
        }

        return outcomes;
    }

    public static EvalMetrics Summarize(IReadOnlyList<EvalOutcome> outcomes) => EvalMetrics.Compute(
        outcomes.Select(o => o.GoldRank).ToList(),
        outcomes.Select(o => o.AnswerContains).ToList(),
        outcomes.Select(o => o.Status == AnswerStatus.Answered).ToList()) with
    {
        HighlightExact = outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Status == AnswerStatus.Answered && o.HighlightExact) / (double)outcomes.Count,
    };
}

/// <summary>One question's result: where the gold document ranked, and what the answer did.</summary>
public sealed record EvalOutcome(string Id, int? GoldRank, AnswerStatus Status, double Confidence, bool AnswerContains, bool CitedGold)
{
    /// <summary>The answer's highlight is exactly a gold answer span (XQuAD), ignoring case and surrounding space.</summary>
    public bool HighlightExact { get; init; }
}
