using NewsQA.Testing.Fakes;
using Microsoft.SemanticKernel;
using NewsQA.Answering.Generative.SemanticKernel;
using NewsQA.Core.Answer;

namespace NewsQA.Answering.Generative.Tests;

/// <summary>NewsQA's functions called through a Semantic Kernel, the way an agent would call them.</summary>
public sealed class SemanticKernelPluginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kernel_CanSearchAndAskTheArchive()
    {
        await using var fake = await FakeOpenAiServer.StartAsync(Ct);
        await using var host = await GenerativeTestHost.StartAsync(fake, Ct);
        await host.IngestAsync("gravehawk", "Flugabwehr", "Großbritannien will der Ukraine bis Jahresende 15 Systeme des Typs Gravehawk liefern. Sie gelten als weniger leistungsfähig als Patriot.", Ct);
        var kernel = Kernel.CreateBuilder().AddNewsQa(host.Services).Build();

        var search = await kernel.InvokeAsync(NewsQaPlugin.Name, "search_news", new KernelArguments { ["query"] = "Gravehawk Systeme", ["top"] = 3 }, Ct);
        var passages = search.GetValue<IReadOnlyList<NewsPassage>>()!;

        var passage = Assert.Single(passages);
        Assert.Equal("gravehawk", passage.DocumentId);
        var stored = await host.Store.GetAsync("gravehawk", Ct);
        Assert.Equal(passage.Text, stored!.Text[passage.Start..passage.End]);
        Assert.Contains(kernel.Plugins[NewsQaPlugin.Name], f => f.Name == "ask_news");
        Assert.Equal(typeof(AnswerResult), kernel.Plugins.GetFunction(NewsQaPlugin.Name, "ask_news").Metadata.ReturnParameter.ParameterType);
    }

    /// <summary>
    /// Issue 35: the plugin reads the collection its host gave it, and no function argument reaches another: a model
    /// that asks for the desk's collection by argument still gets the plugin's own.
    /// </summary>
    [Fact]
    public async Task Plugin_ReadsOnlyItsCollection()
    {
        await using var fake = await FakeOpenAiServer.StartAsync(Ct);
        await using var host = await GenerativeTestHost.StartAsync(fake, Ct);
        await host.IngestAsync("gravehawk", "Flugabwehr", "Großbritannien will der Ukraine bis Jahresende 15 Systeme des Typs Gravehawk liefern.", Ct, collection: "desk");
        await host.IngestAsync("gravehawk", "Flugabwehr", "Die Agentur meldet: Gravehawk Systeme kommen später als geplant.", Ct, collection: "agency");
        var agency = Kernel.CreateBuilder().AddNewsQa(host.Services, collection: "agency").Build();
        var open = Kernel.CreateBuilder().AddNewsQa(host.Services).Build();

        var found = (await agency.InvokeAsync(NewsQaPlugin.Name, "search_news", new KernelArguments { ["query"] = "Gravehawk Systeme", ["collection"] = "desk" }, Ct)).GetValue<IReadOnlyList<NewsPassage>>()!;
        var inDefault = (await open.InvokeAsync(NewsQaPlugin.Name, "search_news", new KernelArguments { ["query"] = "Gravehawk Systeme" }, Ct)).GetValue<IReadOnlyList<NewsPassage>>()!;

        var passage = Assert.Single(found);
        Assert.Equal("gravehawk", passage.DocumentId);
        Assert.StartsWith("Die Agentur meldet", passage.Text, StringComparison.Ordinal);
        Assert.Empty(inDefault);
        Assert.DoesNotContain(agency.Plugins.GetFunction(NewsQaPlugin.Name, "search_news").Metadata.Parameters, p => p.Name == "collection");
    }
}
