using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsQA.Core.Stories;

namespace NewsQA.Core.Tests.Stories;

/// <summary>
/// Grouping quality on the story test set with the default <see cref="StoryOptions"/>: every document is ingested in
/// the file's order through <see cref="StoryGrouper"/>, and the stories it forms are compared pair by pair with the
/// true ones. The floors sit under the targets (precision ≥ 0.99, recall ≥ 0.95); the figures are in docs/stories.md.
/// </summary>
public sealed class StoryGroupingQualityTests
{
    private static readonly IReadOnlyList<StoryTestSet.Row> Rows = StoryTestSet.Load();

    /// <summary>Every document of the test set through a grouper with <paramref name="options"/>, in file order: document id → story.</summary>
    private static async Task<Dictionary<string, string>> GroupAsync(StoryOptions options)
    {
        var index = new InMemoryStoryIndex();
        var grouper = new StoryGrouper(index, Options.Create(options));
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            var document = await grouper.AssignAsync(row.Document(), TestContext.Current.CancellationToken);
            index.Add(document);
            predicted[document.Id] = document.StoryId!;
        }

        return predicted;
    }

    [Fact]
    public async Task DefaultOptionsGroupTheTestSetsCopiesAndNothingElse()
    {
        var rows = Rows;
        var watch = Stopwatch.StartNew();
        var predicted = await GroupAsync(new StoryOptions());
        var perDocumentMs = watch.Elapsed.TotalMilliseconds / rows.Count;
        var (precision, recall, truePairs, predictedPairs) = StoryTestSet.PairwiseScores(rows, predicted);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"stories: {rows.Count} documents, {rows.Select(r => r.Story).Distinct().Count()} true stories, {predicted.Values.Distinct().Count()} formed; " +
            $"pairs true {truePairs}, formed {predictedPairs}; precision {precision:F3}, recall {recall:F3}; {perDocumentMs:F3} ms per document (signature + look-up, in memory)");

        Assert.True(rows.Count(r => r.Id != r.Story) >= 300, "the test set has at least 300 variants");
        Assert.True(precision >= 0.99, $"precision {precision:F3} < 0.99");
        Assert.True(recall >= 0.95, $"recall {recall:F3} < 0.95");
    }

    /// <summary>
    /// The defaults against the alternatives tried (docs/stories.md): none of them is better in precision or recall
    /// without being worse in the other.
    /// </summary>
    [Fact]
    public async Task NoAlternativeTriedBeatsTheDefaults()
    {
        var defaults = StoryTestSet.PairwiseScores(Rows, await GroupAsync(new StoryOptions()));
        StoryOptions[] alternatives =
        [
            new() { MinShingles = 0 },
            new() { MinSimilarity = 0.2 },
            new() { MinSimilarity = 0.5 },
            new() { MinSimilarity = 0.7 },
            new() { Bands = 16, Rows = 4 },
            new() { Bands = 20, Rows = 5 },
        ];

        foreach (var o in alternatives)
        {
            var (precision, recall, _, _) = StoryTestSet.PairwiseScores(Rows, await GroupAsync(o));
            TestContext.Current.TestOutputHelper?.WriteLine($"bands {o.Bands} × rows {o.Rows}, min similarity {o.MinSimilarity}, min shingles {o.MinShingles}: precision {precision:F3}, recall {recall:F3}");
            var dominates = precision >= defaults.Precision && recall >= defaults.Recall && (precision > defaults.Precision || recall > defaults.Recall);
            Assert.False(dominates, $"bands {o.Bands} × rows {o.Rows}, min similarity {o.MinSimilarity}, min shingles {o.MinShingles} beats the defaults");
        }
    }
}
