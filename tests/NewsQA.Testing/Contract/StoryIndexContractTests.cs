using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;

namespace NewsQA.Testing.Contract;

/// <summary>
/// <see cref="IStoryIndex"/>: a document written with its story keys is found by them, in its story, and keeps that
/// story across updates of others, deletes and restarts; a document of another story is never grouped with it. Texts
/// are 10kGNAD articles (tests/TestData/gnad10k) and a copy of one made the way outlets re-publish it.
/// </summary>
public abstract class StoryIndexContractTests<TBackend> : StoreContractTests<TBackend>
    where TBackend : IStoreBackend, new()
{
    private static readonly string[] Articles = File.ReadLines(Path.Combine(RepoPaths.TestData, "gnad10k", "articles.jsonl"))
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
        .Where(t => t.Split(' ').Length > 200)
        .Take(3)
        .ToArray();

    private IStoryIndex Stories => Store.Stories ?? throw new InvalidOperationException("The backend has no story index.");

    private StoryGrouper Grouper(IStoryIndex? index = null) => new(index ?? Stories, Options.Create(new StoryOptions()));

    /// <summary>The article without its last sentences, under an agency dateline, with a line of boilerplate.</summary>
    private static string CopyOf(string text) =>
        "Wien (APA) – " + text[..text.LastIndexOf(". ", text.Length * 3 / 4, StringComparison.Ordinal)] + ". Mehr zum Thema lesen Sie in unserem Dossier.";

    private async Task<string> IngestAsync(string id, string text, PublicationDate? published = null)
    {
        var (document, chunks) = StoreTestData.Document(id, text, published);
        var grouped = await Grouper().AssignAsync(document, Ct);
        await Store.Documents.UpsertAsync(grouped, chunks, Ct);
        return grouped.StoryId!;
    }

    [Fact]
    public async Task ACopyJoinsTheStoryOfTheFirstMemberAndAnotherArticleDoesNot()
    {
        Assert.Equal("a", await IngestAsync("a", Articles[0]));
        Assert.Equal("a", await IngestAsync("a-copy", CopyOf(Articles[0])));
        Assert.Equal("b", await IngestAsync("b", Articles[1]));

        Assert.Equal("a", (await Store.Documents.GetAsync("a-copy", Ct))!.StoryId);
        var members = await Stories.GetStoryMembersAsync(["a"], Ct);
        Assert.Equal(["a", "a-copy"], members.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.Equal("a", m.StoryId));
    }

    [Fact]
    public async Task DeletingTheFirstMemberKeepsTheStoryForTheRestAndForLaterCopies()
    {
        await IngestAsync("a", Articles[0]);
        await IngestAsync("a-copy", CopyOf(Articles[0]));

        Assert.True(await Store.Documents.DeleteAsync("a", Ct));

        Assert.Equal("a", await IngestAsync("a-later", Articles[0]));
        Assert.Equal(["a-copy", "a-later"], (await Stories.GetStoryMembersAsync(["a"], Ct)).Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUpdateReplacesTheDocumentsKeysSoItCanLeaveItsStory()
    {
        await IngestAsync("a", Articles[0]);
        await IngestAsync("x", CopyOf(Articles[0]));

        Assert.Equal("x", await IngestAsync("x", Articles[2]));

        var bandsOfA = Grouper().Fingerprint(StoreTestData.Document("q", Articles[0]).Document).Bands;
        Assert.Equal(["a"], (await Stories.FindStoryCandidatesAsync(bandsOfA, Ct)).Select(c => c.DocumentId));
        Assert.Equal(["x"], (await Stories.GetStoryMembersAsync(["x"], Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task ACopyInAnotherCollectionStartsAStoryThere()
    {
        await IngestAsync("a", Articles[0]);

        var elsewhere = DocumentKey.Of("andere", "a-copy");
        Assert.Equal(elsewhere, await IngestAsync(elsewhere, CopyOf(Articles[0])));
        Assert.Equal(["a"], (await Stories.GetStoryMembersAsync(["a"], Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task CopiesTooFarApartInTimeAreSeparateStories()
    {
        await IngestAsync("a", Articles[0], new PublicationDate(2025, 3, 1));

        Assert.Equal("late", await IngestAsync("late", CopyOf(Articles[0]), new PublicationDate(2025, 4, 1)));
        Assert.Equal("a", await IngestAsync("near", CopyOf(Articles[0]), new PublicationDate(2025, 3, 3)));
    }

    [Fact]
    public async Task StoriesAndTheirKeysSurviveARestart()
    {
        await IngestAsync("a", Articles[0]);
        await IngestAsync("a-copy", CopyOf(Articles[0]));

        var reopened = await ReopenAsync();

        Assert.Equal("a", (await reopened.Documents.GetAsync("a-copy", Ct))!.StoryId);
        var (again, _) = StoreTestData.Document("a-again", Articles[0]);
        Assert.Equal("a", (await Grouper(reopened.Stories).AssignAsync(again, Ct)).StoryId);
    }
}
