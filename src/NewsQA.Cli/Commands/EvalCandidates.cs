using System.CommandLine;
using System.Text.Json;
using NewsQA.Cli.Output;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Storage;
using NewsQA.Evaluation;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa eval … --candidates F.jsonl</c>: instead of scoring, writes each question's two rankings as a hybrid search
/// would fuse them (dense and lexical, at fusion's candidate depth, each hit with its document, chunk and raw score), so
/// fusion mechanisms (rank-based, score-based, per-question weights) can be measured offline on the same candidates.
/// Needs a model; the ingest and the vector cache are those of an ordinary eval.
/// </summary>
internal static class EvalCandidates
{
    public static readonly Option<FileInfo?> Option = new("--candidates")
    {
        Description = "Instead of scoring: write each question's dense and lexical candidates (JSONL) for measuring fusion offline; needs a model",
    };

    public static Task<int> WriteAsync(IReadOnlyList<DocumentInput> documents, IReadOnlyList<EvalQuestion> questions, int top, string? vectorCache, FileInfo output, bool json, CancellationToken ct) =>
        EvalCommand.InTempDataAsync(async temp =>
        {
            await using var host = await CliHost.StartAsync(temp, ct, vectorCache: vectorCache);
            if (host.Embedder is not { } embedder)
            {
                Console.Error.WriteLine("error: --candidates needs an embedding model (Embeddings:Model).");
                return 2;
            }

            var runner = host.Get<EvalRunner>();
            await EvalCommand.WithProgressAsync(json, $"Ingesting {documents.Count} documents", documents.Count, p => runner.IngestAsync(documents, p, ct));
            var lines = new List<string>(questions.Count);
            await EvalCommand.WithProgressAsync(json, $"Ranking {questions.Count} questions both ways", questions.Count, async p =>
            {
                foreach (var q in questions)
                {
                    var both = await runner.CandidatesAsync(q, top, ct);
                    lines.Add(JsonSerializer.Serialize(new
                    {
                        id = q.Id,
                        set = q.Set,
                        gold = q.GoldParagraphId,
                        knowsLanguage = embedder.Profile.Knows(QuestionLanguage.Of(q.Question)),
                        dense = Hits(both?.Dense),
                        lexical = Hits(both?.Lexical),
                    }, OneLine));
                    p?.Report(lines.Count);
                }
            });

            await File.WriteAllLinesAsync(output.FullName, lines, ct);
            EvalCommand.ReportCache(host);
            return 0;
        });

    /// <summary>JSON Lines: the CLI's naming, one record per line.</summary>
    private static readonly JsonSerializerOptions OneLine = new(CliJson.Options) { WriteIndented = false };

    private static object[][] Hits(IReadOnlyList<ChunkHit>? hits) =>
        [.. (hits ?? []).Select(h => new object[] { h.Chunk.DocumentId, h.Chunk.Id, Math.Round(h.Score, 6) })];
}
