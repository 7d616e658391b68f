using NewsQA.Core.Documents;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Core.Tests.Search.Query;

public sealed class RecencyTests
{
    [Theory]
    [InlineData("Wie ist die aktuelle Lage in Kiew?")]
    [InlineData("Was ist der neueste Stand beim Haushalt?")]
    [InlineData("Was hat Selenskyj zuletzt gefordert?")]
    [InlineData("Wer regiert derzeit in Wien?")]
    [InlineData("Was sagte die jüngste Umfrage?")]
    [InlineData("What is the latest on the budget?")]
    [InlineData("Who leads the party now?")]
    [InlineData("Recent drone attacks on Kyiv")]
    public void WordsAskingForTheLatestAreRecognised(string question) =>
        Assert.NotNull(RecencyDecay.For(question, 30, new DateOnly(2025, 7, 10)));

    [Theory]
    [InlineData("Worüber haben die Ukraine und Israel beraten?")]
    [InlineData("Was geschah im Juni 2025?")]
    [InlineData("Nowak berichtet über Strom")]
    public void OtherQuestionsGetNoDecay(string question) =>
        Assert.Null(RecencyDecay.For(question, 30, new DateOnly(2025, 7, 10)));

    [Fact]
    public void AnArticleOneHalfLifeOldCountsHalf_AndAnUndatedOneAsOneHalfLifeOld()
    {
        var decay = new RecencyDecay(30, new PublicationDate(2025, 7, 31));

        Assert.Equal(1, decay.Factor(new PublicationDate(2025, 7, 31)), 6);
        Assert.Equal(0.5, decay.Factor(new PublicationDate(2025, 7, 1)), 6);
        Assert.Equal(0.5, decay.Factor(null), 6);

        // A month-precise date may be as late as its last day.
        Assert.Equal(1, decay.Factor(new PublicationDate(2025, 7)), 6);
        Assert.Equal(1, decay.Factor(new PublicationDate(2025, 8, 2)), 6);
    }
}
