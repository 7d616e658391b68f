using NewsQA.Core.Documents;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Search.Query;

/// <summary>
/// Phrasings of dates and sources in German and English questions, read against a fixed reference date
/// (Wednesday, 2026-03-18), with the question that remains for matching the text.
/// </summary>
public sealed class QuestionScopeParserTests
{
    private static readonly DateOnly Reference = new(2026, 3, 18);

    public static TheoryData<string, string?, string?, string> Dates => new()
    {
        { "Was geschah im Juni 2025 in Pjöngjang?", "2025-06", "2025-06", "Was geschah in Pjöngjang?" },
        { "Was meldete man vom April 2024 über Gaza?", "2024-04", "2024-04", "Was meldete man über Gaza?" },
        { "Was geschah am 3. Juli 2025 in Kiew?", "2025-07-03", "2025-07-03", "Was geschah in Kiew?" },
        { "Wer sprach zwischen März und Mai 2025 mit Kim?", "2025-03", "2025-05", "Wer sprach mit Kim?" },
        { "Was passierte von März bis Mai in Kiew?", "2025-03", "2025-05", "Was passierte in Kiew?" },
        { "Was hat sich seit Mai in Kiew getan?", "2025-05", null, "Was hat sich in Kiew getan?" },
        { "Was hat sich seit Februar 2026 getan?", "2026-02", null, "Was hat sich getan?" },
        { "Was geschah letzte Woche in Kiew?", "2026-03-09", "2026-03-15", "Was geschah in Kiew?" },
        { "Was geschah in der vergangenen Woche?", "2026-03-09", "2026-03-15", "Was geschah?" },
        { "Was geschah vor zwei Monaten in Kiew?", "2026-01", "2026-01", "Was geschah in Kiew?" },
        { "Was geschah im letzten Monat?", "2026-02", "2026-02", "Was geschah?" },
        { "Was sagte Selenskyj gestern?", "2026-03-17", "2026-03-17", "Was sagte Selenskyj?" },
        { "What happened in June 2025 in Pyongyang?", "2025-06", "2025-06", "What happened in Pyongyang?" },
        { "What happened on July 3, 2025 in Kyiv?", "2025-07-03", "2025-07-03", "What happened in Kyiv?" },
        { "What happened between March and May 2025?", "2025-03", "2025-05", "What happened?" },
        { "What changed since May?", "2025-05", null, "What changed?" },
        { "What happened last week in Kyiv?", "2026-03-09", "2026-03-15", "What happened in Kyiv?" },
        { "What happened two months ago?", "2026-01", "2026-01", "What happened?" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void DatePhrase_BecomesARangeAndLeavesTheQuestion(string question, string? from, string? to, string remainder)
    {
        var scope = QuestionScopeParser.Parse(question, Reference);

        Assert.Equal(from, scope.PublishedFrom?.ToString());
        Assert.Equal(to, scope.PublishedTo?.ToString());
        Assert.Equal(remainder, scope.Remainder);
    }

    [Theory]
    [InlineData("Wie viele Raketen will die Ukraine in diesem Jahr produzieren?", 2026)]
    [InlineData("Was geschah dieses Jahr in Kiew?", 2026)]
    [InlineData("Was geschah letztes Jahr in Kiew?", 2025)]
    [InlineData("Wer gewann die Wahl 2024?", 2024)]
    [InlineData("What happened this year?", 2026)]
    public void YearPhrase_IsOnlyAPreferenceAndStaysInTheQuestion(string question, int year)
    {
        var scope = QuestionScopeParser.Parse(question, Reference);

        Assert.Equal(year, scope.PreferredYear);
        Assert.False(scope.HasDateRange);
        Assert.Equal(question, scope.Remainder);
    }

    [Theory]
    [InlineData("Was berichtete laut dpa-AFX die Ukraine?", "dpa-AFX", "Was die Ukraine?")]
    [InlineData("Was meldet Reuters über Kiew?", "Reuters", "Was über Kiew?")]
    [InlineData("What did Kyiv say according to AFP?", "AFP", "What did Kyiv say?")]
    public void NamedSource_BecomesASourceFilter(string question, string source, string remainder)
    {
        var scope = QuestionScopeParser.Parse(question, Reference);

        Assert.Equal([source], scope.Sources);
        Assert.Equal(SourceKind.None, scope.SourceKind);
        Assert.Equal(remainder, scope.Remainder);
    }

    [Fact]
    public void AgencyKind_FiltersOnEveryAgency()
    {
        var scope = QuestionScopeParser.Parse("Was berichtete die Nachrichtenagentur im Juli 2025 über die US-Hilfe?", Reference);

        Assert.Equal(SourceKind.Agency, scope.SourceKind);
        Assert.Contains("dpa-AFX", scope.Sources);
        Assert.Contains("Reuters", scope.Sources);
        Assert.Equal("2025-07", scope.PublishedFrom?.ToString());
        Assert.Equal("Was über die US-Hilfe?", scope.Remainder);
    }

    [Theory]
    [InlineData("Was geschah laut dem Newsblog vom Juni 2025 in Pjöngjang?", "Was geschah in Pjöngjang?")]
    [InlineData("What does the live blog say about Kyiv?", "What does say about Kyiv?")]
    public void BlogKind_IsAPreference(string question, string remainder)
    {
        var scope = QuestionScopeParser.Parse(question, Reference);

        Assert.Equal(SourceKind.Blog, scope.SourceKind);
        Assert.Empty(scope.Sources);
        Assert.Equal(remainder, scope.Remainder);
    }

    [Theory]
    [InlineData("Wer hat die Fußball-Weltmeisterschaft gewonnen?")]
    [InlineData("Wie viele Mörser- und Artilleriegeschosse hat die Ukraine hergestellt?")]
    [InlineData("Who may join the initiative?")]
    [InlineData("Wie heißt die Stadt heute?")]
    [InlineData("Wie viele Raketen und 30.000 Drohnen?")]
    public void QuestionWithoutDateOrSource_IsLeftAlone(string question)
    {
        var scope = QuestionScopeParser.Parse(question, Reference);

        Assert.True(scope.IsEmpty);
        Assert.Equal(question, scope.Remainder);
    }

    [Theory]
    [InlineData("2025-07", false)]
    [InlineData("2025-07-03", true)]
    [InlineData("2025-07-04", false)]
    [InlineData("2025", false)]
    public void DayScope_HoldsOnlyDocumentsKnownToBeFromThatDay_NotAMonthDocument(string published, bool holds)
    {
        var scope = QuestionScopeParser.Parse("Was geschah am 3. Juli 2025?", Reference);

        Assert.Equal(holds, scope.Holds(NewsQA.Core.Documents.PublicationDate.Parse(published)));
    }

    [Theory]
    [InlineData("2025-07", true)]
    [InlineData("2025-07-03", true)]
    [InlineData("2025", false)]
    [InlineData("2025-06", false)]
    public void MonthScope_HoldsDocumentsOfThatMonthAtMonthOrDayPrecision(string published, bool holds)
    {
        var scope = QuestionScopeParser.Parse("Was geschah im Juli 2025?", Reference);

        Assert.Equal(holds, scope.Holds(NewsQA.Core.Documents.PublicationDate.Parse(published)));
    }

    [Theory]
    [InlineData("Was geschah gestern?", "0001-01-01")]
    [InlineData("Was geschah vor 0 Wochen?", "9999-12-31")]
    [InlineData("Was geschah am 3. Mai?", "0001-01-01")]
    [InlineData("Was geschah letzte Woche?", "0001-01-01")]
    [InlineData("Was geschah vor zwei Monaten?", "0001-01-01")]
    [InlineData("Was geschah im Juni?", "0001-01-01")]
    [InlineData("Was geschah letztes Jahr?", "0001-01-01")]
    public void DatePhrasesPastTheCalendarsEnds_RestrictNothing(string question, string reference)
    {
        var scope = QuestionScopeParser.Parse(question, DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(scope.PublishedFrom);
        Assert.Null(scope.PublishedTo);
        Assert.Null(scope.PreferredYear);
        Assert.StartsWith("Was geschah", scope.Remainder, StringComparison.Ordinal);
    }

    [Fact]
    public void DatePhrasesInsideTheCalendar_StillRestrict()
    {
        var scope = QuestionScopeParser.Parse("Was geschah gestern?", new DateOnly(1, 1, 2));

        Assert.Equal(new PublicationDate(1, 1, 1), scope.PublishedFrom);
    }
}
