using System.CommandLine;
using System.Globalization;
using NewsQA.Core.Ingest.Input;
using NewsQA.Hosting.Feeds;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa watch FEED…</c>: follows feeds in the foreground as the API's background service follows
/// <c>Feeds:Sources</c>, under the same fetch rules (<c>Feeds:*</c>), until Ctrl+C; <c>--once</c> polls each feed once;
/// <c>--collection</c> names where the articles go, as <c>Feeds:Sources:N:Collection</c> does for the API.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var feeds = new Argument<string[]>("feeds") { Description = "RSS, Atom or JSON feed addresses (http or https)", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<string>("--interval") { Description = "How often each feed is polled (hh:mm:ss, default 00:15:00)", DefaultValueFactory = _ => "00:15:00" };
        var once = new Option<bool>("--once") { Description = "Poll each feed once, print what came in and exit (1 when a feed failed)" };
        var command = new Command("watch", "Follow RSS, Atom or JSON feeds and ingest their new articles") { feeds, interval, once, CommonOptions.Collection };
        command.SetAction(async (parse, ct) =>
        {
            if (!TimeSpan.TryParse(parse.GetValue(interval), CultureInfo.InvariantCulture, out var every) || every < TimeSpan.FromSeconds(1))
            {
                Console.Error.WriteLine($"error: --interval must be a duration of at least 00:00:01, got '{parse.GetValue(interval)}'.");
                return 2;
            }

            if (!CommonOptions.TryCollection(parse.GetValue(CommonOptions.Collection), out var collection))
            {
                return 2;
            }

            var urls = parse.GetValue(feeds) ?? [];
            if (urls.FirstOrDefault(u => !DocumentFields.IsHttpUrl(u)) is { } bad)
            {
                Console.Error.WriteLine($"error: '{bad}' is not an http or https address.");
                return 2;
            }

            // Feed state changes and items ingested are worth a line in the foreground; other categories stay at warnings.
            var overrides = new Dictionary<string, string?> { ["Logging:LogLevel:NewsQA.Hosting.Feeds"] = "Information" };
            await using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Data), ct, overrides: overrides);
            var sources = urls.Select(u => new FeedSource { Url = new Uri(u), Interval = every, Collection = collection }).ToList();
            var watcher = host.Get<FeedWatcher>();
            if (!parse.GetValue(once))
            {
                Console.WriteLine($"Following {sources.Count} feed(s) every {every}; Ctrl+C stops.");
                await watcher.RunAsync(sources, ct);

                Console.WriteLine("Stopped.");
                return 0;
            }

            var failed = 0;
            foreach (var source in sources)
            {
                failed += await watcher.PollOnceAsync(source, 0, ct) ? 0 : 1;
            }

            foreach (var status in host.Get<FeedStatusBoard>().Snapshot())
            {
                Console.WriteLine(status.State == FeedStatusBoard.Ok
                    ? $"{status.Feed}: {status.ItemsIngested} ingested, {status.ItemsRefused} refused"
                    : $"{status.Feed}: failing: {status.LastError}");
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
