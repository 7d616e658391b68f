using NewsQA.Hosting.Startup;

namespace NewsQA.Cli;

/// <summary>What start-up found, as a command shows it: one line each on stderr, so stdout stays the command's output.</summary>
internal sealed class CliStartupOutput : IStartupReporter
{
    public void ChecksDone(StartupReport report)
    {
        // Another model's vectors either ended the command already or are what `reindex` is run to replace: no warning.
        if (report.ModelMismatch is null && report.EmbedderProblem is { } problem)
        {
            Console.Error.WriteLine($"warning: {problem}");
        }

        if (report.ChunkingNotice is { } chunking)
        {
            Console.Error.WriteLine($"warning: {chunking}");
        }
    }

    public void ModelAwaited(string message) => Console.Error.WriteLine($"embeddings: {message}");
}
