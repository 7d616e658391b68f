using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Configuration;

namespace NewsQA.Api.Setup;

/// <summary>Section <c>Hosting</c>: how the web host stops.</summary>
public sealed class HostingOptions : ISectionOptions
{
    public static string Section => "Hosting";

    /// <summary>On SIGTERM, how long in-flight requests may finish after the server stops accepting connections.</summary>
    [Range(0, 3_600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
