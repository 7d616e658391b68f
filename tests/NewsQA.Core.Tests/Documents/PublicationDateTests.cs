using NewsQA.Core.Documents;

namespace NewsQA.Core.Tests.Documents;

public sealed class PublicationDateTests
{
    [Theory]
    [InlineData("2025", DatePrecision.Year, "2025-01-01", "2025-12-31")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2025-07-15", DatePrecision.Day, "2025-07-15", "2025-07-15")]
    [InlineData("2025-07-15T08:30:00Z", DatePrecision.Day, "2025-07-15", "2025-07-15")]
    public void Parse_KeepsPrecisionAndRange(string value, DatePrecision precision, string earliest, string latest)
    {
        var date = PublicationDate.Parse(value);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("2025-7")]
    [InlineData("gestern")]
    public void Parse_RejectsWhatIsNotADate(string value) => Assert.False(PublicationDate.TryParse(value, out _));

    [Fact]
    public void MonthPrecision_OverlapsAnyRangeTouchingTheMonth()
    {
        var july = new PublicationDate(2025, 7);

        Assert.True(july.Overlaps(new PublicationDate(2025, 7, 31), null));
        Assert.True(july.Overlaps(null, new PublicationDate(2025, 7, 1)));
        Assert.False(july.Overlaps(new PublicationDate(2025, 8, 1), null));
        Assert.False(july.Overlaps(null, new PublicationDate(2025, 6)));
        Assert.True(july.Overlaps(new PublicationDate(2025), new PublicationDate(2025)));
    }

    [Fact]
    public void ToString_RoundTrips() =>
        Assert.All(new[] { "2025", "2025-07", "2025-07-04" }, s => Assert.Equal(s, PublicationDate.Parse(s).ToString()));
}
