using System.Text.Json;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;
using NewsQA.Core.Tests.Testing;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Stories;

/// <summary>
/// Retrieval when the archive holds copies: the 120 XQuAD-de dev paragraphs and 300 10kGNAD articles, once as they
/// are and once with two re-published copies of every dev paragraph (a dateline and the last sentence cut; the first
/// sentence dropped and a boilerplate line added). The 632 dev questions are searched lexically, top 5, grouped by
/// story: the top 5 never shows two members of one story, and the gold story is found as often as without copies.
/// The figures are in docs/stories.md.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class StoryRetrievalTests
{
    private const int Top = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Paragraph(string Id, string Text);

    private sealed record Question(string Text, string Gold);

    private static List<Paragraph> Paragraphs() => File.ReadLines(Path.Combine(RepoPaths.TestData, "xquad-de-dev", "paragraphs.jsonl"))
        .Select(l => JsonDocument.Parse(l).RootElement).Select(e => new Paragraph(e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!)).ToList();

    private static List<Question> Questions() => File.ReadLines(Path.Combine(RepoPaths.TestData, "xquad-de-dev", "questions.jsonl"))
        .Select(l => JsonDocument.Parse(l).RootElement).Select(e => new Question(e.GetProperty("question").GetString()!, e.GetProperty("gold_paragraph_id").GetString()!)).ToList();

    private static IEnumerable<DocumentInput> Distractors() => File.ReadLines(Path.Combine(RepoPaths.TestData, "gnad10k", "articles.jsonl")).Take(300)
        .Select(l => JsonDocument.Parse(l).RootElement).Select(e => new DocumentInput(e.GetProperty("text").GetString()!) { Id = e.GetProperty("id").GetString(), Title = e.GetProperty("id").GetString() });

    private static IEnumerable<DocumentInput> CopiesOf(Paragraph p)
    {
        var lastSentence = p.Text.LastIndexOf(". ", StringComparison.Ordinal);
        var firstSentence = p.Text.IndexOf(". ", StringComparison.Ordinal);
        yield return new DocumentInput("Berlin (dpa) – " + (lastSentence > 0 ? p.Text[..(lastSentence + 1)] : p.Text)) { Id = p.Id + "-dpa", Title = "Kopie dpa", Source = "dpa" };
        yield return new DocumentInput((firstSentence > 0 ? p.Text[(firstSentence + 2)..] : p.Text) + " Mehr zum Thema lesen Sie in unserem Dossier.") { Id = p.Id + "-afp", Title = "Kopie AFP", Source = "AFP" };
    }

    /// <summary>R@5 of the gold story, and how many questions' top 5 shows some story twice.</summary>
    private static async Task<(double RecallAt5, int WithRepeats)> MeasureAsync(bool withCopies, ResultGrouping group)
    {
        await using var host = new PipelineHost();
        var paragraphs = Paragraphs();
        var documents = paragraphs.Select(p => new DocumentInput(p.Text) { Id = p.Id, Title = p.Id }).Concat(Distractors()).ToList();
        if (withCopies)
        {
            documents.AddRange(paragraphs.SelectMany(CopiesOf));
        }

        await foreach (var outcome in host.Get<IngestPipeline>().IngestManyAsync(documents, Ct))
        {
            Assert.Null(outcome.Error);
        }

        var retriever = host.Get<Retriever>();
        var questions = Questions();
        int found = 0, withRepeats = 0;
        foreach (var q in questions)
        {
            var result = await retriever.SearchAsync(new SearchRequest(q.Text, Top, SearchMode.Lexical, SearchFilter.None) { Group = group }, Ct);
            var stories = result.Passages.Select(p => p.Hit.Document.StoryId).ToList();
            found += stories.Contains(q.Gold) ? 1 : 0;
            withRepeats += stories.Distinct(StringComparer.Ordinal).Count() < stories.Count ? 1 : 0;
        }

        return ((double)found / questions.Count, withRepeats);
    }

    [Fact]
    public async Task WithCopiesInTheArchive_TheTop5ShowsEachStoryOnce_AndFindsTheGoldAsOftenAsWithout()
    {
        var without = await MeasureAsync(withCopies: false, ResultGrouping.Story);
        var grouped = await MeasureAsync(withCopies: true, ResultGrouping.Story);
        var ungrouped = await MeasureAsync(withCopies: true, ResultGrouping.None);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"R@5 of the gold story: no copies {without.RecallAt5:F3}; copies grouped {grouped.RecallAt5:F3} ({grouped.WithRepeats} questions with a story twice in the top 5); " +
            $"copies not grouped {ungrouped.RecallAt5:F3} ({ungrouped.WithRepeats} questions with a story twice)");

        Assert.Equal(0, grouped.WithRepeats);
        Assert.True(grouped.RecallAt5 >= without.RecallAt5 - 0.005, $"R@5 {grouped.RecallAt5:F3} with copies, {without.RecallAt5:F3} without");
    }
}
