using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Slice(text)).ToArray();

    [Theory]
    [InlineData("Allein in diesem Jahr gebe London 6,6 Milliarden Dollar. Das ist viel.", "Allein in diesem Jahr gebe London 6,6 Milliarden Dollar.")]
    [InlineData("Ziel sei es, 3.000 Raketen zu produzieren. Etwa ein Drittel stammt aus dem Inland.", "Ziel sei es, 3.000 Raketen zu produzieren.")]
    [InlineData("Die Ausgabe nach Art. 112 des Grundgesetzes ist möglich. Scholz lehnt ab.", "Die Ausgabe nach Art. 112 des Grundgesetzes ist möglich.")]
    [InlineData("Boris Pistorius (l., SPD) spricht mit Umjerow. Danach reist er ab.", "Boris Pistorius (l., SPD) spricht mit Umjerow.")]
    [InlineData("Waffen wie z. B. Drohnen werden gebaut. Das sagte er.", "Waffen wie z. B. Drohnen werden gebaut.")]
    [InlineData("Am 30. April traf er Putin. Am 4. Juni folgte Kim.", "Am 30. April traf er Putin.")]
    [InlineData("Der 2. Weltkrieg endete 1945. Danach begann der Kalte Krieg.", "Der 2. Weltkrieg endete 1945.")]
    [InlineData("Er sagte: \"Wir bauen zusammen.\" Die Produktion beginnt bald.", "Er sagte: \"Wir bauen zusammen.\"")]
    [InlineData("Sie sagte: „Wir bleiben.“ Dann ging sie.", "Sie sagte: „Wir bleiben.“")]
    [InlineData("Die Lage ist ernst – so der Minister. Weitere Details fehlen.", "Die Lage ist ernst – so der Minister.")]
    [InlineData("Was nun? Niemand weiß es.", "Was nun?")]
    [InlineData("Donald J. Trump hat gewonnen. Das war knapp.", "Donald J. Trump hat gewonnen.")]
    public void Split_KeepsGermanNewsConstructsTogether(string text, string firstSentence)
    {
        var sentences = Sentences(text);

        Assert.Equal(2, sentences.Length);
        Assert.Equal(firstSentence, sentences[0]);
    }

    [Fact]
    public void LineBreak_AlwaysEndsASentence()
    {
        Assert.Equal(["Überschrift ohne Punkt", "Der erste Satz."], Sentences("Überschrift ohne Punkt\n\nDer erste Satz."));
    }

    [Fact]
    public void Spans_AreTrimmedAndSliceToTheSentence()
    {
        const string text = "  Erster Satz.   Zweiter Satz!  \n  Dritter?  ";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["Erster Satz.", "Zweiter Satz!", "Dritter?"], spans.Select(s => s.Slice(text)));
        Assert.All(spans, s => Assert.True(s.IsValidFor(text)));
    }

    [Fact]
    public void EmptyOrBlankText_HasNoSentences()
    {
        Assert.Empty(SentenceSplitter.Split(string.Empty));
        Assert.Empty(SentenceSplitter.Split(" \n\t \n"));
    }

    [Fact]
    public void EmojiAndCombiningMarks_StayWithinTheirSentence()
    {
        const string text = "Der Präsident 👩‍👩‍👧 kam. Cafe\u0301 🇩🇪 ist offen.";

        Assert.Equal(["Der Präsident 👩‍👩‍👧 kam.", "Cafe\u0301 🇩🇪 ist offen."], Sentences(text));
    }
}
