using System.CommandLine;
using NewsQA.Cli.Output;
using NewsQA.Contracts.Search;
using NewsQA.Core;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Cli.Commands;

/// <summary><c>newsqa search "QUERY" [--top N] [--mode M] [--group G] [--sort S] [--language L] [--json]</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to search for" };
        var top = CommonOptions.Top(SearchRequest.DefaultTop.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (default), dense or lexical", DefaultValueFactory = _ => SearchMode.Hybrid };
        var group = new Option<ResultGrouping>("--group") { Description = "story (default: a story's copies once) or none (every copy)", DefaultValueFactory = _ => ResultGrouping.Story };
        var sort = new Option<ResultOrder>("--sort") { Description = "relevance (default) or date (newest first)", DefaultValueFactory = _ => ResultOrder.Relevance };
        var command = new Command("search", "Search passages") { query, top, mode, group, sort, CommonOptions.Language, CommonOptions.Collection, CommonOptions.Json };
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
            var decay = RecencyDecay.For(q, host.Get<IOptions<RecencyOptions>>().Value.RecencyHalfLifeDays, DateOnly.FromDateTime(DateTime.UtcNow));
            var request = new SearchRequest(q, n, parse.GetValue(mode), filter) { Group = parse.GetValue(group), Order = parse.GetValue(sort), Recency = decay };
            var result = await host.Get<Retriever>().SearchAsync(request, ct);
            if (parse.GetValue(CommonOptions.Json))
            {
                CliJson.Print(result.ToResponse(q, watch.Elapsed, decay));
                return 0;
            }

            Console.WriteLine($"{result.Passages.Count} result(s), mode {result.Mode.ToWireName()}" + (decay is null ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $", recent articles first (half-life {decay.HalfLifeDays:0.#} days)")));
            var rank = 0;
            foreach (var p in result.Passages)
            {
                Console.WriteLine();
                Console.WriteLine($"{++rank}. {p.Hit.Document.Title} ({p.Hit.Document.PublishedAt?.ToString() ?? "undated"}) [{DocumentKey.IdOf(p.Hit.Chunk.Id)}] score {p.Score:F4}");
                Console.WriteLine("   " + p.Hit.Chunk.Text.ReplaceLineEndings(" ").Trim());
                var others = result.StoryOf(p.Hit.Document).Documents.Where(d => d.DocumentId != p.Hit.Document.Id).Select(d => d.Source ?? d.Title).Distinct().ToList();
                if (others.Count > 0)
                {
                    Console.WriteLine("   also reported by: " + string.Join(", ", others));
                }
            }

            return 0;
        });
        return command;
    }
}
