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

    public async Task<EvalMetrics> RunAsync(IReadOnlyList<EvalQuestion> questions, int top, SearchMode mode, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var ranks = new List<int?>(questions.Count);
        var hits = new List<bool>(questions.Count);
        var answered = new List<bool>(questions.Count);
        var done = 0;
        foreach (var q in questions)
        {
            // Fetch more chunks than documents needed: a paragraph may be split into several chunks.
            var search = await retriever.SearchAsync(new SearchRequest(q.Question, Math.Min(50, top * 3), mode, SearchFilter.None), cancellationToken).ConfigureAwait(false);
            ranks.Add(EvalMetrics.RankOf(q.GoldParagraphId, search.Passages.Select(p => p.Hit.Chunk.DocumentId)));

            var answer = await ask.AskAsync(new AskRequest(q.Question, null, SearchFilter.None, []), cancellationToken).ConfigureAwait(false);
            answered.Add(answer.Status == AnswerStatus.Answered);
            hits.Add(EvalMetrics.ContainsAnswer(answer.Citations.Select(c => c.Quote).Append(answer.Answer.Text), q.Answers));
            progress?.Report(++done);
        }

        return EvalMetrics.Compute(ranks, hits, answered);
    }
}
