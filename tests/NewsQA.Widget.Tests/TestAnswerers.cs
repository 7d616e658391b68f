using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Citations;

namespace NewsQA.Widget.Tests;

/// <summary>Blocks until its request is cancelled, and records that it was.</summary>
internal sealed class BlockingAnswerer : IAnswerer
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AnswerMode Mode => AnswerMode.Extractive;

    public async Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default)
    {
        Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult();
            throw;
        }

        throw new InvalidOperationException("unreachable");
    }
}

internal sealed class ThrowingAnswerer : IAnswerer
{
    public AnswerMode Mode => AnswerMode.Extractive;

    public Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("secret internal detail");
}

/// <summary>Streams the given segments, each quoting the given text of the first passage's chunk.</summary>
internal sealed class ScriptedStreamingAnswerer(params (string Text, string Quote)[] segments) : IStreamingAnswerer
{
    public AnswerMode Mode => AnswerMode.Generative;

    public Task<AnswerDraft> AnswerAsync(AnswerContext context, CancellationToken cancellationToken = default) =>
        AnswerAsync(context, static (_, _) => Task.CompletedTask, cancellationToken);

    public async Task<AnswerDraft> AnswerAsync(AnswerContext context, Func<string, CancellationToken, Task> onSegment, CancellationToken cancellationToken = default)
    {
        var chunk = context.Passages[0].Hit.Chunk;
        var drafted = new List<DraftSegment>();
        foreach (var (text, quote) in segments)
        {
            await onSegment(text, cancellationToken);
            drafted.Add(new DraftSegment(text, [new DraftQuote(chunk.DocumentId, chunk.Id, quote)]));
        }

        return new AnswerDraft(true, drafted, 1, Mode: AnswerMode.Generative);
    }
}
