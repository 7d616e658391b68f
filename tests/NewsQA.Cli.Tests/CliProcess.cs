using System.Diagnostics;

namespace NewsQA.Cli.Tests;

/// <summary>Runs the built <c>newsqa</c> CLI as a child process in a scratch working directory.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string workingDirectory, CancellationToken ct, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, new Dictionary<string, string>(), ct, args);

    public static Task<Result> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken ct, params string[] args) =>
        RunCoreAsync(workingDirectory, environment, unprivileged: false, ct, args);

    /// <summary>
    /// Runs the CLI as a user file permissions apply to: as root (CI, these machines) under the unprivileged
    /// <c>nobody</c> through util-linux's <c>setpriv</c>, since a mode of 000 denies root nothing; otherwise as the
    /// current user. <paramref name="workingDirectory"/> and its parents must be open to that user.
    /// </summary>
    public static Task<Result> RunUnprivilegedAsync(string workingDirectory, CancellationToken ct, params string[] args) =>
        RunCoreAsync(workingDirectory, new Dictionary<string, string> { ["HOME"] = workingDirectory, ["DOTNET_CLI_HOME"] = workingDirectory }, Environment.IsPrivilegedProcess, ct, args);

    private static async Task<Result> RunCoreAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, bool unprivileged, CancellationToken ct, string[] args)
    {
        var start = new ProcessStartInfo(unprivileged ? "setpriv" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (unprivileged)
        {
            foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet"])
            {
                start.ArgumentList.Add(a);
            }
        }

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
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // A cancelled or timed-out test must not leave an eval running on: it would hold the machine's cores for the rest of the run.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
