using System.Net;
using NewsQA.Api.Requests;
using NewsQA.Api.Security;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Api.Setup;

/// <summary>The web layer's keys on top of the common ones (<see cref="NewsQaConfigurationRules"/>), checked before the host is built.</summary>
internal static class ApiConfigurationRules
{
    public const string ShutdownTimeout = "Hosting:ShutdownTimeoutSeconds";

    public static ConfigurationCheck Check() => NewsQaConfigurationRules.Common()
        .Options<ApiLimitsOptions>(ApiLimitsOptions.Section)
        .Options<RateLimitOptions>(RateLimitOptions.Section)
        .Options<AuthOptions>(AuthOptions.Section)
        .WholeNumber(ShutdownTimeout, 0, 3_600)
        .List(ProxySetup.KnownProxies, v => IPAddress.TryParse(v, out _), "IP addresses such as 10.0.0.5")
        .List(ProxySetup.KnownNetworks, v => System.Net.IPNetwork.TryParse(v, out _), "networks in CIDR form such as 10.0.0.0/8")
        .List(CorsSetup.Origins, v => ConfigurationValue.IsHttpUrl(v) && new Uri(v).AbsolutePath == "/", "origins such as https://zeitung.example")
        // Reads "needing the key" without a key would leave them silently open.
        .Rule(c => bool.TryParse(c[$"{AuthOptions.Section}:RequireKeyForReads"], out var require) && require && string.IsNullOrEmpty(c[$"{AuthOptions.Section}:ApiKey"])
            ? $"{AuthOptions.Section}:RequireKeyForReads is true but {AuthOptions.Section}:ApiKey is not set; set the key or drop RequireKeyForReads"
            : null);
}
