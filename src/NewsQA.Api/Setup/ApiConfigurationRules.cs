using System.Net;
using NewsQA.Api.Security;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Api.Setup;

/// <summary>
/// The web layer's keys: every options class of the API and the projects it composes, found by
/// <see cref="ConfigurationCheck.Discover"/>, and the list keys that have no options class. Checked before the host is built.
/// </summary>
internal static class ApiConfigurationRules
{
    public static ConfigurationCheck Check() => ConfigurationCheck.Discover(typeof(ApiConfigurationRules).Assembly)
        .LogLevels()
        .List(ProxySetup.KnownProxies, v => IPAddress.TryParse(v, out _), "IP addresses such as 10.0.0.5")
        .List(ProxySetup.KnownNetworks, v => System.Net.IPNetwork.TryParse(v, out _), "networks in CIDR form such as 10.0.0.0/8")
        .List(CorsSetup.Origins, v => ConfigurationValue.IsHttpUrl(v) && new Uri(v).AbsolutePath == "/", "origins such as https://zeitung.example");
}
