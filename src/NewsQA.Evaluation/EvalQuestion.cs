using System.Text.Json.Serialization;

namespace NewsQA.Evaluation;

/// <summary>A line of the eval questions file (the format of tests/TestData/xquad-de-dev).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("gold_paragraph_id")] string GoldParagraphId)
{
    /// <summary>
    /// The question set it was read from (its folder's name, e.g. <c>reader-en-dev</c>), so one eval can report the kinds
    /// of question it mixes apart: XQuAD's copied wording beside a reader's own (issue 32). Not part of the file format.
    /// </summary>
    [JsonIgnore]
    public string? Set { get; init; }

    /// <summary>Reads a questions file, each question marked with the set the file holds.</summary>
    public static IReadOnlyList<EvalQuestion> ReadSet(string path) =>
        [.. EvalRunner.ReadJsonLines<EvalQuestion>(path).Select(q => q with { Set = SetName(path) })];

    /// <summary>A set is named by its folder (tests/TestData/reader-en-dev/questions.jsonl is reader-en-dev), else by its file.</summary>
    public static string SetName(string path) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) is { Length: > 0 } folder ? folder : Path.GetFileNameWithoutExtension(path);
}

/// <summary>A line of the eval paragraphs file.</summary>
public sealed record EvalParagraph(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string Text);
