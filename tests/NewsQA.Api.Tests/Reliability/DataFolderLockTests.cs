using System.Net;
using System.Net.Http.Json;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// Issue 33 item 10: a second API process on the data folder another one serves is refused at start with one line
/// (two processes on one SQLite file would each answer 201 for the same new id); the first keeps serving, and once it
/// is gone (killed: the system frees the lock) the folder can be served again.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class DataFolderLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondApiOnOneDataFolder_IsRefusedWithOneLine_AndTheFirstKeepsServing()
    {
        using var folder = new TempFolder("newsqa-lock-");
        var data = Path.Combine(folder, "data");
        var first = await ApiProcess.StartAsync(data, new Dictionary<string, string>(), Ct);
        try
        {
            var (exit, output) = await ApiProcess.RunUntilExitAsync(folder, new Dictionary<string, string> { ["Data__Path"] = data }, TimeSpan.FromSeconds(60), Ct);
            using var created = await first.Client.PutAsJsonAsync("/api/documents/nach-dem-zweiten", new { text = "Der erste Prozess schreibt weiter." }, Ct);

            Assert.True(exit is not null and not 0, $"exit {exit?.ToString() ?? "none (still running)"}:\n{output}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, $"Expected one line:\n{output}");
            Assert.Contains("another NewsQA API process already serves this data folder", lines[0], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            await first.KillAsync();
            await first.DisposeAsync();
        }

        var (_, after) = await ApiProcess.RunUntilExitAsync(folder, new Dictionary<string, string> { ["Data__Path"] = data }, TimeSpan.FromSeconds(8), Ct);
        Assert.DoesNotContain("another NewsQA API process", after, StringComparison.Ordinal);
    }
}
