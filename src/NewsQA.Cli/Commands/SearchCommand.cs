using System.CommandLine;
using NewsQA.Cli.Output;
using NewsQA.Contracts.Search;
using NewsQA.Core;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Cli.Commands;

/// <summary><c>newsqa search "QUERY" [--top N] [--mode M] [--language L] [--json]</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to search for" };
        var top = CommonOptions.Top(SearchRequest.DefaultTop.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (default), dense or lexical", DefaultValueFactory = _ => SearchMode.Hybrid };
        var command = new Command("search", "Search passages") { query, top, mode, CommonOptions.Language, CommonOptions.Collection, CommonOptions.Json };
        command.SetAction(async (parse, ct) =>
        {
            var q = parse.GetValue(query)!;
            var n = parse.GetValue(top) ?? SearchRequest.DefaultTop;
            if (string.IsNullOrWhiteSpace(q) || !CommonOptions.TopInRange(n))
            {
                Console.Error.WriteLine(string.IsNullOrWhiteSpace(q) ? "error: the query is empty." : string.Empty);
                return 2;
            }

            if (!CommonOptions.TryFilter(parse.GetValue(CommonOptions.Language), parse.GetValue(CommonOptions.Collection), out var filter))
            {
                return 2;
            }

            await using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Data), ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await host.Get<Retriever>().SearchAsync(new SearchRequest(q, n, parse.GetValue(mode), filter), ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliJson.Print(result.ToResponse(q, watch.Elapsed));
                return 0;
            }

            Console.WriteLine($"{result.Passages.Count} result(s), mode {result.Mode.ToWireName()}");
            var rank = 0;
            foreach (var p in result.Passages)
            {
                Console.WriteLine();
                Console.WriteLine($"{++rank}. {p.Hit.Document.Title} ({p.Hit.Document.PublishedAt?.ToString() ?? "undated"}) [{DocumentKey.IdOf(p.Hit.Chunk.Id)}] score {p.Score:F4}");
                Console.WriteLine("   " + p.Hit.Chunk.Text.ReplaceLineEndings(" ").Trim());
            }

            return 0;
        });
        return command;
    }
}
