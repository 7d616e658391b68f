using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Tests.Testing;
using NewsQA.Testing.Fakes;

namespace NewsQA.Core.Tests.Ingest;

/// <summary>
/// A model's window cuts the chunks of documents in a language it declares; a document in a language it does not
/// declare is chunked as without a model, since its vectors rank no question and smaller chunks only rank its words worse.
/// </summary>
public sealed class ChunkWindowLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int WindowChars = 200;

    private const string German =
        "Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt. Er sieht höhere Ausgaben für die " +
        "Verteidigung und für die Bahn vor. Die Opposition kritisierte die Pläne als unsolide und forderte Nachbesserungen. " +
        "Der Finanzminister verteidigte den Entwurf im Bundestag und verwies auf die Schuldenbremse. Die Länder wollen im " +
        "Bundesrat eigene Vorschläge einbringen. Gewerkschaften begrüßten die Investitionen in die Schiene, warnten aber vor " +
        "Kürzungen bei den Sozialausgaben. Die Beratungen sollen im Herbst abgeschlossen werden.";

    private const string English =
        "The government presented a new draft budget on Wednesday. It plans higher spending on defence and on the railways. " +
        "The opposition criticised the plans as unsound and demanded changes. The finance minister defended the draft in " +
        "parliament and pointed to the debt brake. The states want to bring their own proposals. Unions welcomed the rail " +
        "investment but warned against cuts to social spending. The talks are to end in the autumn.";

    /// <summary>A window of <see cref="WindowChars"/> characters: easy to see in the chunks' lengths.</summary>
    private sealed class CharacterWindow : IPassageWindow
    {
        public bool Fits(string passage) => passage.Length < WindowChars;
    }

    private static async Task<IReadOnlyList<int>> ChunkLengthsAsync(string[] languages, string text, string language)
    {
        var profile = new EmbeddingProfile("fake-window", FakeEmbedder.Dimensions) { Languages = languages };
        await using var host = new PipelineHost(profile: profile, window: new CharacterWindow());
        await host.Store.InitializeAsync(Ct);
        await host.Get<IngestPipeline>().IngestAsync(new DocumentInput(text) { Id = "d", Language = language }, Ct);
        return [.. (await host.Store.GetChunksAsync("d", Ct)).Select(c => c.Text.Length)];
    }

    [Fact]
    public async Task AGermanDocument_WithAnEnglishOnlyModel_IsChunkedAsWithoutAModel()
    {
        var withoutModel = new SentenceChunker(new ChunkingOptions()).Chunk("d", German).Select(c => c.Text.Length).ToList();

        var lengths = await ChunkLengthsAsync(["en"], German, "de");

        Assert.Equal(withoutModel, lengths);
        Assert.Contains(lengths, l => l >= WindowChars);
    }

    [Theory]
    [InlineData("de", German)]
    [InlineData("en", English)]
    public async Task ADocumentInALanguageTheModelDeclares_FitsItsWindow(string language, string text)
    {
        var lengths = await ChunkLengthsAsync(["de", "en"], text, language);

        Assert.True(lengths.Count > 1);
        Assert.All(lengths, l => Assert.True(l < WindowChars, $"a chunk of {l} characters"));
    }
}
