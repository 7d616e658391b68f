using System.Text.Json.Serialization;

namespace NewsQA.Core.Answer;

[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    [JsonStringEnumMemberName("answered")]
    Answered,

    [JsonStringEnumMemberName("no_answer")]
    NoAnswer,
}

[JsonConverter(typeof(JsonStringEnumConverter<AnswerMode>))]
public enum AnswerMode
{
    [JsonStringEnumMemberName("extractive")]
    Extractive,

    [JsonStringEnumMemberName("generative")]
    Generative,
}
