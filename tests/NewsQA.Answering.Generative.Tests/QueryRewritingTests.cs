using NewsQA.Testing.Fakes;
using NewsQA.Core.Answer;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Query;

namespace NewsQA.Answering.Generative.Tests;

public sealed class QueryRewritingTests : IAsyncLifetime
{
    private FakeOpenAiServer fake = null!;
    private GenerativeTestHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeOpenAiServer.StartAsync(Ct);
        host = await GenerativeTestHost.StartAsync(fake, Ct, timeoutSeconds: 2);
        await host.IngestAsync("saar", "Saar in Kiew", "Der israelische Außenminister Gideon Saar hat am Mittwoch Kiew besucht. Es ging um Luftverteidigung.", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task FollowUp_IsRewrittenByTheModel_BeforeRetrieval()
    {
        fake.Reply = r => r.Stream ? """{"noAnswer": true}""" : "Wann hat Gideon Saar Kiew besucht?\n";
        ChatTurn[] history = [new(ChatRole.User, "Wer hat Kiew besucht?"), new(ChatRole.Assistant, "Der israelische Außenminister Gideon Saar.")];

        var retrieval = await host.Ask.RetrieveAsync(new AskRequest("Und wann war das?", null, new(), history), Ct);

        Assert.Equal("Wann hat Gideon Saar Kiew besucht?", retrieval.StandaloneQuestion);
        Assert.Equal("saar", retrieval.Passages[0].Hit.Chunk.DocumentId);
        var rewrite = Assert.Single(fake.Requests);
        Assert.False(rewrite.Stream);
        Assert.Contains("Der israelische Außenminister Gideon Saar.", rewrite.User, StringComparison.Ordinal);
        Assert.Contains("Und wann war das?", rewrite.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutHistory_NoRewriteCallIsMade()
    {
        fake.Reply = _ => """{"noAnswer": true}""";

        var retrieval = await host.Ask.RetrieveAsync(new AskRequest("Wer hat Kiew besucht?", null, new(), []), Ct);

        Assert.Equal("Wer hat Kiew besucht?", retrieval.StandaloneQuestion);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task FailingRewrite_FallsBackToKeyTermsOfTheLastUserTurn()
    {
        fake.FailWith = System.Net.HttpStatusCode.BadGateway;

        var retrieval = await host.Ask.RetrieveAsync(new AskRequest("Und wann?", null, new(), [new(ChatRole.User, "Worüber hat Gideon Saar in Kiew gesprochen?")]), Ct);

        Assert.Equal("Und wann? Gideon Saar Kiew gesprochen", retrieval.StandaloneQuestion);
    }

    [Fact]
    public async Task KeyTermRewriter_AddsOnlyNewContentWords()
    {
        var rewriter = new KeyTermQueryRewriter(new LuceneTermAnalyzer());

        var query = await rewriter.RewriteAsync("Wann besuchte Saar Kiew?", [new(ChatRole.User, "Was sagte Gideon Saar über die Luftverteidigung?")], Ct);

        Assert.Equal("Wann besuchte Saar Kiew? sagte Gideon Luftverteidigung", query);
    }
}
