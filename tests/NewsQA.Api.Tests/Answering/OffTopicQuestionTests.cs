using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// Questions that share a word or two with the seeds but are about something they do not say, through the real API
/// with its seeds: the article that alone has the shared word stands out in the ranking, and that lead alone must not
/// turn a sentence about something else into a confident answer.
/// </summary>
public sealed class OffTopicQuestionTests : ApiTest
{
    /// <summary>No seed mentions inflation; one names Deutschland (Iris-T), in a sentence on British air defence.</summary>
    [Fact]
    public async Task QuestionSharingOnlyAPlaceName_GetsNoAnswer()
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Wie hoch ist die Inflation in Deutschland?" }, Ct);

        Assert.True(answer["status"]!.GetValue<string>() == "no_answer", answer.ToJsonString());
        Assert.Empty(answer["citations"]!.AsArray());
    }

    /// <summary>One seed mentions Iran (a threat Israel and Ukraine want to meet together); an answer must quote that, not a sentence without it.</summary>
    [Fact]
    public async Task QuestionOnAnIranRole_IsAnsweredOnlyWithASentenceOnIran()
    {
        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Welche Rolle spielt der Iran?" }, Ct);

        if (answer["status"]!.GetValue<string>() == "answered")
        {
            Assert.All(answer["citations"]!.AsArray(), c => Assert.Contains("Iran", Quote(c!), StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(answer["citations"]!.AsArray());
        }
    }

    private static string Quote(JsonNode citation) => citation["quote"]!.GetValue<string>();
}
