namespace NewsQA.Core.Search.Query;

/// <summary>
/// Turns a follow-up question ("Und wann war das?") plus the conversation so far into a standalone
/// query that retrieval can work with. Called only when there is history.
/// </summary>
public interface IQueryRewriter
{
    Task<string> RewriteAsync(string question, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken = default);
}
