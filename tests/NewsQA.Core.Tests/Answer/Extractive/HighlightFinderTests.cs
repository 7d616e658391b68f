using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Answer.Extractive;

/// <summary>The answer's one name, number, date or place inside the chosen quote, as the widget emphasises it.</summary>
public sealed class HighlightFinderTests
{
    [Theory]
    [InlineData(ExpectedAnswer.Number, "Wie viele Raketen bauten sie?", "Im Jahr bauten sie 3.000 Raketen.", "3.000")]
    [InlineData(ExpectedAnswer.Number, "Wie viele Waffen bauten sie?", "Sie bauten 3.000 Raketen und 30.000 Drohnen.", null)]
    // The sentence's full stop is not part of the number.
    [InlineData(ExpectedAnswer.Number, "Wie hoch war die Bevölkerungszahl?", "Geschätzt wurde die Bevölkerung auf 2.000.", "2.000")]
    [InlineData(ExpectedAnswer.Time, "Wann starb Tesla?", "Tesla starb am 7. Januar 1943 in New York.", "7. Januar 1943")]
    // A question for the year is answered by the year, not the whole date.
    [InlineData(ExpectedAnswer.Time, "In welchem Jahr starb Tesla?", "Tesla starb am 7. Januar 1943 in New York.", "1943")]
    // What the question already says is not its answer.
    [InlineData(ExpectedAnswer.Time, "Was geschah im Juli 2025?", "Im Juli 2025 stoppten die USA ihre Lieferungen.", null)]
    public void Find_MarksTheSingleCandidateOfTheAskedKind(ExpectedAnswer expected, string question, string quote, string? highlight) =>
        Assert.Equal(highlight, Marked(expected, question, quote, [quote]));

    [Fact]
    public void Find_DropsTheNounBeforeAName()
    {
        const string Quote = "Verteidigungsminister Boris Pistorius traf seinen ukrainischen Amtskollegen Rustem Umjerow.";

        // "Amtskollegen" ends like a noun and follows an adjective: the reader wants the name.
        Assert.Equal("Rustem Umjerow", Marked(ExpectedAnswer.Person, "Wen traf Pistorius?", Quote, [Quote]));
        // Without the passages there is no telling the noun from the name, and the phrase stays whole.
        Assert.Equal("Amtskollegen Rustem Umjerow", Marked(ExpectedAnswer.Person, "Wen traf Pistorius?", Quote, null));
    }

    [Fact]
    public void Find_SkipsANameTheQuestionAlreadyNames()
    {
        const string Quote = "Nach Angaben von Wolodymyr Selenskyj sprach er in Kiew mit Gideon Saar.";
        Assert.Equal("Gideon Saar", Marked(ExpectedAnswer.Person, "Mit wem sprach Selenskyj in Kiew?", Quote, [Quote]));
    }

    [Fact]
    public void Find_MarksNothingInAList_EvenWhenItsNamesEndLikeNouns()
    {
        // "Italien" and "Schweden" end like nouns but are names; four candidates mean no single answer.
        const string Quote = "Er sagte, Belgien, Estland, Italien und Schweden wollten beitreten.";
        Assert.Null(Marked(ExpectedAnswer.Place, "Welche Länder wollen beitreten?", Quote, [Quote]));
    }

    [Fact]
    public void Find_MarksNoCommonNounAsAName()
    {
        const string Quote = "Nach langen Verhandlungen einigten sich alle.";
        Assert.Null(Marked(ExpectedAnswer.Person, "Wer einigte sich?", Quote, [Quote]));
    }

    private static string? Marked(ExpectedAnswer expected, string question, string quote, IReadOnlyList<string>? texts) =>
        HighlightFinder.Find(expected, quote, question, texts) is { } h ? quote.Substring(h.Offset, h.Length) : null;
}
