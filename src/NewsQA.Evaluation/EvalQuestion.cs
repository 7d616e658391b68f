using System.Text.Json.Serialization;

namespace NewsQA.Evaluation;

/// <summary>A line of the eval questions file (the format of tests/TestData/xquad-de-dev).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("gold_paragraph_id")] string GoldParagraphId);

/// <summary>A line of the eval paragraphs file.</summary>
public sealed record EvalParagraph(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string Text);
