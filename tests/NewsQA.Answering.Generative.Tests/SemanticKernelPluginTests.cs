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
}
