using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Search.Query;

/// <summary>The kind of answer a question asks for, from its wording (German and English).</summary>
public sealed class QuestionProfileTests
{
    private static readonly LuceneTermAnalyzer Analyzer = new();

    [Theory]
    [InlineData("Wie viele Raketen will die Ukraine bauen?", ExpectedAnswer.Number)]
    [InlineData("Wie alt war Manning im Super Bowl 50?", ExpectedAnswer.Number)]
    [InlineData("Wie oft kam es zu Pestausbrüchen?", ExpectedAnswer.Number)]
    [InlineData("How old was Manning?", ExpectedAnswer.Number)]
    [InlineData("How long did the war last?", ExpectedAnswer.Number)]
    [InlineData("Wann starb Tesla?", ExpectedAnswer.Time)]
    [InlineData("In welchem Jahr starb Tesla?", ExpectedAnswer.Time)]
    [InlineData("Welches Jahr gilt als Beginn der Epoche?", ExpectedAnswer.Time)]
    [InlineData("Which year did Tesla die?", ExpectedAnswer.Time)]
    [InlineData("Wer ist der ukrainische Verteidigungsminister?", ExpectedAnswer.Person)]
    [InlineData("Wo kam die Kontaktgruppe zusammen?", ExpectedAnswer.Place)]
    [InlineData("Welche Länder wollen beitreten?", ExpectedAnswer.Place)]
    [InlineData("Was berichtete die Nachrichtenagentur über die US-Hilfe?", ExpectedAnswer.Any)]
    // "Wie" alone asks for a manner, not a number.
    [InlineData("Wie entwickelten die Hugenotten ihre Ansichten?", ExpectedAnswer.Any)]
    public void From_ReadsTheKindOfAnswerAskedFor(string question, ExpectedAnswer expected) =>
        Assert.Equal(expected, QuestionProfile.From(question, Analyzer).Expected);
}
