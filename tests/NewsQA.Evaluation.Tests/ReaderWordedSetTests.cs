using NewsQA.Core.Ingest.Input;
using NewsQA.Testing;

namespace NewsQA.Evaluation.Tests;

/// <summary>
/// The reader-worded question sets of tests/TestData (issue 32): questions about the dev paragraphs and the seeds in a
/// reader's own words. They only measure what XQuAD cannot if their wording stays away from the paragraphs', so each
/// set's mean <see cref="QuestionWording"/> overlap is held under the limit, and every answer must be a span of its gold
/// document (as answerContains scores it).
/// </summary>
public sealed class ReaderWordedSetTests
{
    public static TheoryData<string, string, int> ReaderSets() => new()
    {
        { "reader-en-dev", "xquad-en-dev", 300 },
        { "reader-de-dev", "xquad-de-dev", 300 },
        { "reader-seeds", "seeds", 40 },
    };

    [Theory]
    [MemberData(nameof(ReaderSets))]
    public void ReaderSet_IsLargeEnough_AnswersAreSpansOfTheGold_AndItsWordingStaysAwayFromTheGold(string set, string documents, int minimum)
    {
        var questions = Questions(set);
        var texts = Documents(documents);

        Assert.True(questions.Count >= minimum, $"{set}: {questions.Count} questions, at least {minimum} expected");
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(questions, q =>
        {
            Assert.True(texts.TryGetValue(q.GoldParagraphId, out var gold), $"{q.Id}: no document {q.GoldParagraphId}");
            Assert.Contains(q.Answers, a => gold!.Contains(a.Trim(), StringComparison.OrdinalIgnoreCase));
        });

        var overlap = QuestionWording.MeanOverlap(questions, texts);
        Assert.True(overlap <= QuestionWording.MaxReaderWordedOverlap, $"{set}: mean overlap {overlap:0.000} above {QuestionWording.MaxReaderWordedOverlap}");
    }

    [Theory]
    [InlineData("reader-en-dev", "xquad-en-dev")]
    [InlineData("reader-de-dev", "xquad-de-dev")]
    public void ReaderDevSet_AsksAboutEveryDevParagraph(string set, string documents)
    {
        var asked = Questions(set).Select(q => q.GoldParagraphId).ToHashSet(StringComparer.Ordinal);

        Assert.All(Documents(documents).Keys, id => Assert.Contains(id, asked));
    }

    [Theory]
    [InlineData("xquad-en-dev")]
    [InlineData("xquad-de-dev")]
    public void XquadsOwnQuestions_CopyTheParagraphsWording_SoTheLimitTellsTheKindsApart(string set)
    {
        var overlap = QuestionWording.MeanOverlap(Questions(set), Documents(set));

        Assert.True(overlap > QuestionWording.MaxReaderWordedOverlap, $"{set}: {overlap:0.000}");
    }

    [Fact]
    public void Overlap_CountsContentWordsOfTheQuestionFoundInTheParagraph()
    {
        const string paragraph = "Tesla died on 7 January 1943 in a New York hotel.";

        Assert.Equal(1.0, QuestionWording.Overlap("When did Tesla die in the New York hotel?", "Tesla die New York hotel"));
        Assert.Equal(0.0, QuestionWording.Overlap("When did the Serbian-American inventor pass away?", paragraph));

        // "when", "did", "the" are function words; of "inventor", "tesla", "pass", "away" only "tesla" is in the paragraph.
        Assert.Equal(0.25, QuestionWording.Overlap("When did the inventor Tesla pass away?", paragraph));
    }

    private static IReadOnlyList<EvalQuestion> Questions(string set) =>
        EvalRunner.ReadJsonLines<EvalQuestion>(Path.Combine(RepoPaths.TestData, set, "questions.jsonl"));

    /// <summary>A dev split's paragraphs by id, or the seeds by the id their file gets when ingested.</summary>
    private static Dictionary<string, string> Documents(string name) => name == "seeds"
        ? Directory.GetFiles(RepoPaths.Seeds, "*.txt").ToDictionary(DocumentFileReader.IdFromFileName, File.ReadAllText, StringComparer.Ordinal)
        : EvalRunner.ReadJsonLines<EvalParagraph>(Path.Combine(RepoPaths.TestData, name, "paragraphs.jsonl")).ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal);
}
