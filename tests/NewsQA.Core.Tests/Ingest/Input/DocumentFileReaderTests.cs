using NewsQA.Testing;
using NewsQA.Core.Documents;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Tests.Ingest.Input;

public sealed class DocumentFileReaderTests : IDisposable
{
    private readonly TempFolder dir = new("newsqa-reader-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void JsonLines_ReadsEachRecordAndReportsBadOnesWithLineNumbers()
    {
        var file = Path.Combine(dir, "a.jsonl");
        File.WriteAllLines(file,
        [
            """{"id":"x1","title":"T","date":"2025-07","text":"Ein Satz."}""",
            "{not json",
            """{"id":"x3","text":""}""",
            """{"id":"x4","date":"gestern","text":"Text."}""",
        ]);

        var results = DocumentFileReader.Read(file).ToList();

        Assert.Equal(4, results.Count);
        Assert.Equal("x1", results[0].Input!.Id);
        Assert.Equal(new PublicationDate(2025, 7), results[0].Input!.PublishedAt);
        Assert.Equal($"{file}:2", results[1].Origin);
        Assert.Contains("not valid JSON", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("text", results[2].Error, StringComparison.Ordinal);
        Assert.Contains("date", results[3].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TextFile_IdIsTheFileName()
    {
        var file = Path.Combine(dir, "001 Seed Ä.txt");
        File.WriteAllText(file, " date 2025-07 Text.");

        var result = Assert.Single(DocumentFileReader.Read(file));

        Assert.StartsWith("001-Seed-Ä-", result.Input!.Id, StringComparison.Ordinal);
        Assert.True(DocumentId.IsValid(result.Input.Id));
    }

    [Fact]
    public void BinaryFile_IsRejectedAsNotUtf8()
    {
        var file = Path.Combine(dir, "b.txt");
        File.WriteAllBytes(file, [0xff, 0xfe, 0x00, 0xc3, 0x28]);

        var result = Assert.Single(DocumentFileReader.Read(file));

        Assert.Null(result.Input);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_ExpandsToSupportedFilesInOrder()
    {
        File.WriteAllText(Path.Combine(dir, "b.md"), "x");
        File.WriteAllText(Path.Combine(dir, "a.txt"), "x");
        File.WriteAllText(Path.Combine(dir, "c.pdf"), "x");

        var files = DocumentFileReader.ExpandPaths([dir]);

        Assert.Equal(["a.txt", "b.md"], files.Select(Path.GetFileName));
    }
}
