using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Citations;
using System.CommandLine;
using NewsQA.Cli.Output;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Cli.Commands;

/// <summary><c>newsqa ask "QUESTION" [--top N] [--language L] [--json]</c>: the answer with its numbered citations.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "A question in plain language" };
        var top = CommonOptions.Top($"Answer:Passages, {SearchRequest.DefaultTop} unless configured");
        var command = new Command("ask", "Answer a question with cited quotes") { question, top, CommonOptions.Language, CommonOptions.Collection, CommonOptions.Json };
        command.SetAction(async (parse, ct) =>
        {
            var q = parse.GetValue(question)!;
            var n = parse.GetValue(top);
            if (string.IsNullOrWhiteSpace(q))
            {
                Console.Error.WriteLine("error: the question is empty.");
                return 2;
            }

            if (!CommonOptions.TopInRange(n) || !CommonOptions.TryFilter(parse.GetValue(CommonOptions.Language), parse.GetValue(CommonOptions.Collection), out var filter))
            {
                return 2;
            }

            await using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Data), ct);
            var answer = await host.Get<AskService>().AskAsync(new AskRequest(q, n, filter, []), ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliJson.Print(answer.ForWire(filter.Collection));
                return 0;
            }

            foreach (var segment in answer.Answer.Segments.Count > 0 ? answer.Answer.Segments : [new AnswerSegment(answer.Answer.Text, [])])
            {
                Console.WriteLine(segment.Text + string.Concat(segment.CitationIds.Select(id => $" [{id}]")));
            }

            foreach (var c in answer.Citations)
            {
                Console.WriteLine($"  [{c.Id}] {c.Title} ({c.PublishedAt?.ToString() ?? "undated"}), {DocumentKey.IdOf(c.DocumentId)} {c.Span.Start}-{c.Span.End}");
            }

            return 0;
        });
        return command;
    }
}
