using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Api.Setup;
using NewsQA.Core.Configuration;

namespace NewsQA.Api.Tests.Setup;

/// <summary>
/// No options type can escape the start-up check: every NewsQA options type the API binds to configuration (the
/// change-token source every Bind/BindConfiguration registers) is an <see cref="ISectionOptions"/>, and every one of
/// its keys is one the check knows. A type bound by hand, outside <c>AddSectionOptions</c>, fails here.
/// </summary>
public sealed class BoundOptionsAreCheckedTests
{
    [Fact]
    public void EveryBoundOptionsType_IsCheckedAtStart()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Seeds:IngestOnEmpty"] = "false";
        builder.AddNewsQaApi();

        var bound = builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("NewsQA.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var known = ApiConfigurationRules.Check().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(bound);
        var escaped = bound.Where(t => !typeof(ISectionOptions).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        Assert.True(escaped.Count == 0, "bound without AddSectionOptions: " + string.Join(", ", escaped));
        var unknownKeys = bound.SelectMany(t => Keys(t)).Where(k => !known.Contains(k)).ToList();
        Assert.True(unknownKeys.Count == 0, "keys the start-up check does not know: " + string.Join(", ", unknownKeys));
    }

    [Fact]
    public void ModelLifecycleKeys_AreChecked()
    {
        // Read by the model's lifecycle under the Embeddings section beside the ONNX options: once bound by hand and
        // unknown to the check, so a wrong value crashed after start instead of being one line.
        var keys = ApiConfigurationRules.Check().Keys;

        Assert.Contains("Embeddings:AutoPull", keys);
        Assert.Contains("Embeddings:WatchInterval", keys);
        Assert.Contains("Embeddings:BackfillBatch", keys);
        Assert.Contains("Embeddings:BackfillPause", keys);
    }

    private static IEnumerable<string> Keys(Type options) =>
        NewsQA.Hosting.Configuration.ConfigurationCheck.KeysOf(options, (string)options.GetProperty(nameof(ISectionOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
}
