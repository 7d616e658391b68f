using Microsoft.Extensions.Configuration;

namespace NewsQA.Hosting.Configuration;

/// <summary>
/// List-valued keys (<c>Cors:Origins</c>, <c>Proxy:KnownProxies</c>, <c>Proxy:KnownNetworks</c>) accept both forms
/// an operator writes: indexed children (<c>Proxy__KnownProxies__0=10.0.0.5</c>) or one plain value separated by
/// commas, semicolons or spaces (<c>Proxy__KnownProxies="10.0.0.5, 10.0.0.6"</c>). A plain value is never ignored.
/// </summary>
public static class ConfigList
{
    public static string[] Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var children = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
        if (children.Length > 0)
        {
            return children;
        }

        return section.Value?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }
}
