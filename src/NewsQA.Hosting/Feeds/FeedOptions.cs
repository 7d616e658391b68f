using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Documents;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// Section <c>Feeds</c>: the RSS, Atom and JSON feeds the API follows in the background, and the rules every fetch
/// keeps (docs/security.md, "Feeds and web pages"). Nothing is fetched unless a feed is listed.
/// </summary>
public sealed class FeedOptions : ISectionOptions
{
    public static string Section => "Feeds";

    /// <summary><c>Feeds:Sources:N:Url</c> and <c>Feeds:Sources:N:Interval</c>: the feeds followed.</summary>
    public List<FeedSource> Sources { get; set; } = [];

    /// <summary>
    /// <c>Feeds:AllowPrivateNetworks</c>: fetch from loopback, private and link-local addresses too. Off, a feed or
    /// page address (or a redirect) that resolves to one is refused, so a listed feed cannot reach the host's own
    /// services or the cloud metadata endpoint.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary><c>Feeds:RequestDelay</c>: the least time between two requests to the same host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RequestDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Feeds:Timeout</c>: one request, from connecting to the body's last byte.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary><c>Feeds:MaxResponseBytes</c>: the largest feed or page read; a longer one is refused, not cut.</summary>
    [Range(1_024, 256L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary><c>Feeds:MaxRedirects</c>: redirects followed per request, each to an address checked again.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;
}

/// <summary>One followed feed.</summary>
public sealed class FeedSource
{
    /// <summary>The feed's http(s) address.</summary>
    public Uri? Url { get; set; }

    /// <summary>How often it is polled (each poll is moved by up to a tenth of this at random, so feeds do not poll in step).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The collection its new articles go into (<c>default</c> unless named).</summary>
    public string Collection { get; set; } = DocumentKey.DefaultCollection;
}

/// <summary>Every listed feed names its address, and a valid collection where it names one.</summary>
public sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var missing = options.Sources.Select((s, i) => (s, i)).Where(x => x.s.Url is null).Select(x => $"{FeedOptions.Section}:Sources:{x.i}:Url is required for each listed feed")
            .Concat(options.Sources.Select((s, i) => (s, i)).Where(x => !DocumentKey.IsValidCollection(x.s.Collection)).Select(x => $"{FeedOptions.Section}:Sources:{x.i}:Collection must be {DocumentKey.DescribeCollection}"))
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
