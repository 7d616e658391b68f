using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Hosting.Tests.Configuration;

/// <summary>
/// Issue 33 item 6, for the CLI's composition (<see cref="NewsQaComposition.AddNewsQa"/>, which every command
/// builds) under each store: every options type bound to configuration (the change-token source each
/// Bind/BindConfiguration registers) is an <see cref="ISectionOptions"/> whose keys the start-up check
/// (<see cref="NewsQaConfigurationRules.Common"/>) knows. The API's own composition has the same walk in
/// NewsQA.Api.Tests' BoundOptionsAreCheckedTests.
/// </summary>
public sealed class CommandOptionsAreCheckedTests
{
    [Theory]
    [InlineData("Embedded")]
    [InlineData("Qdrant")]
    public void EveryBoundOptionsType_IsCheckedAtStart(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = provider }).Build();
        var services = new ServiceCollection().AddNewsQa(configuration);

        var bound = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("NewsQA.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var known = NewsQaConfigurationRules.Common().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(bound);
        var escaped = bound.Where(t => !typeof(ISectionOptions).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        Assert.True(escaped.Count == 0, "bound without AddSectionOptions: " + string.Join(", ", escaped));
        var unknown = bound.SelectMany(Keys).Where(k => !known.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, "keys the start-up check does not know: " + string.Join(", ", unknown));
    }

    private static IEnumerable<string> Keys(Type options) =>
        NewsQA.Hosting.Configuration.ConfigurationCheck.KeysOf(options, (string)options.GetProperty(nameof(ISectionOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
}
