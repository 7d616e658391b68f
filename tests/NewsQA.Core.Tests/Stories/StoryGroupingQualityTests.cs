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
    [Fact]
    public async Task DefaultOptionsGroupTheTestSetsCopiesAndNothingElse()
    {
        var rows = StoryTestSet.Load();
        var index = new InMemoryStoryIndex();
        var grouper = new StoryGrouper(index, Options.Create(new StoryOptions()));
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);

        var watch = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var document = await grouper.AssignAsync(row.Document(), TestContext.Current.CancellationToken);
            index.Add(document);
            predicted[document.Id] = document.StoryId!;
        }

        var perDocumentMs = watch.Elapsed.TotalMilliseconds / rows.Count;
        var (precision, recall, truePairs, predictedPairs) = StoryTestSet.PairwiseScores(rows, predicted);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"stories: {rows.Count} documents, {rows.Select(r => r.Story).Distinct().Count()} true stories, {predicted.Values.Distinct().Count()} formed; " +
            $"pairs true {truePairs}, formed {predictedPairs}; precision {precision:F3}, recall {recall:F3}; {perDocumentMs:F3} ms per document (signature + look-up, in memory)");

        Assert.True(rows.Count(r => r.Id != r.Story) >= 300, "the test set has at least 300 variants");
        Assert.True(precision >= 0.99, $"precision {precision:F3} < 0.99");
        Assert.True(recall >= 0.95, $"recall {recall:F3} < 0.95");
    }
}
