using System.Text.Json.Serialization;

namespace NewsQA.Core.Search.Query;

/// <summary>An earlier turn of a conversation, for rewriting a follow-up question.</summary>
public sealed record ChatTurn(ChatRole Role, string Content);

/// <summary>Who spoke a <see cref="ChatTurn"/>; the wire names are <c>history[].role</c> of the ask contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChatRole>))]
public enum ChatRole
{
    [JsonStringEnumMemberName("user")]
    User,

    [JsonStringEnumMemberName("assistant")]
    Assistant,
}
