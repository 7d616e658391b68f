using NewsQA.Testing;
using System.Diagnostics;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Tests.Ingest.Input;

/// <summary>
/// Odd things in an ingest folder are each reported with their path and skipped — never a crash, a hang, an
/// endless read or a walk out of the folder.
/// </summary>
public sealed class OddFilesTests : IDisposable
{
    private readonly TempFolder root = new("newsqa-odd-");

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task BrokenLinksFifosDevicesHugeFilesAndFolderLinksAreReportedAndSkipped()
    {
        var folder = Path.Combine(root, "seeds");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "good.txt"), "Die Bahn streikt am Montag in ganz Bayern.");
        File.WriteAllText(Path.Combine(root, "outside.txt"), "Dieser Text liegt außerhalb des Ordners.");
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.txt"), Path.Combine(root, "missing.txt"));
        File.CreateSymbolicLink(Path.Combine(folder, "zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(folder, "escape.txt"), Path.Combine(root, "outside.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "up"), "..");
        using (var huge = File.Create(Path.Combine(folder, "huge.jsonl")))
        {
            huge.SetLength(DocumentFileReader.MaxFileBytes + 1); // sparse: no disk used
        }

        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(folder, "pipe.txt")]))
        {
            mkfifo.WaitForExit();
        }

        var files = DocumentFileReader.ExpandPaths([folder]);
        var read = Task.Run(() => files.SelectMany(DocumentFileReader.Read).ToList(), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        Assert.True(finished == read, "reading the folder hung");
        var results = await read;

        var good = Assert.Single(results, r => r.Input is not null);
        Assert.Equal("good", good.Input!.Id);
        foreach (var name in new[] { "dangling.txt", "zero.txt", "escape.txt", "up", "huge.jsonl", "pipe.txt" })
        {
            var bad = Assert.Single(results, r => Path.GetFileName(r.Origin) == name);
            Assert.Null(bad.Input);
            Assert.False(string.IsNullOrEmpty(bad.Error));
        }

        Assert.DoesNotContain(results, r => r.Input?.Text.Contains("außerhalb", StringComparison.Ordinal) == true);
    }
}
