using System.Diagnostics;

namespace NewsQA.Cli.Tests;

/// <summary>Runs the built <c>newsqa</c> CLI as a child process in a scratch working directory.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string workingDirectory, CancellationToken ct, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, new Dictionary<string, string>(), ct, args);

    public static async Task<Result> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsqa.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // No model in the scratch folder: the CLI runs lexical-only, as on a fresh clone.
        start.Environment["Embeddings__ModelsPath"] = Path.Combine(workingDirectory, "models");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, await output, await error);
    }
}
