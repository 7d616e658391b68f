using System.Text.Json;
using NewsQA.Core.Documents;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Stories;

/// <summary>
/// The story-grouping test set (tests/TestData/stories, made by scripts/make-story-set.py): 10kGNAD articles, 350 of
/// them with 1–4 re-published variants, in ingest order; <see cref="Row.Story"/> is the true grouping.
/// </summary>
internal static class StoryTestSet
{
    public sealed record Row(string Id, string Story, string Category, string Title, string Source, string PublishedAt, string Text)
    {
        public NewsDocument Document() => new(Id, Title, null, PublicationDate.Parse(PublishedAt), Source, Text, Id);
    }

    public static string FilePath => Path.Combine(RepoPaths.TestData, "stories", "stories.jsonl");

    public static IReadOnlyList<Row> Load() =>
        File.ReadLines(FilePath).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Row>(l, JsonSerializerOptions.Web)!).ToList();

    /// <summary>
    /// Pairwise precision and recall of <paramref name="predicted"/> (document id → story) against the true stories:
    /// over all pairs of documents, those put together that belong together, of those put together / of those that belong together.
    /// </summary>
    public static (double Precision, double Recall, long TruePairs, long PredictedPairs) PairwiseScores(IReadOnlyList<Row> rows, IReadOnlyDictionary<string, string> predicted)
    {
        long both = 0, truePairs = 0, predictedPairs = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = i + 1; j < rows.Count; j++)
            {
                var same = rows[i].Story == rows[j].Story;
                var grouped = predicted[rows[i].Id] == predicted[rows[j].Id];
                truePairs += same ? 1 : 0;
                predictedPairs += grouped ? 1 : 0;
                both += same && grouped ? 1 : 0;
            }
        }

        return (predictedPairs == 0 ? 1 : (double)both / predictedPairs, truePairs == 0 ? 1 : (double)both / truePairs, truePairs, predictedPairs);
    }
}
