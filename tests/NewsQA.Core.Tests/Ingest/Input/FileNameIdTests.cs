using System.Text;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Tests.Ingest.Input;

/// <summary>
/// Issue 33 item 1: an id derived from a file name keeps its letters (Unicode, NFC), and two different names never
/// map to one id, so a later file cannot silently replace an earlier one.
/// </summary>
public class FileNameIdTests
{
    private static readonly string[] Names =
    [
        "日本.txt", "中国.txt", "Новости.txt", "Österreich.txt", "Ästerreich.txt", "a b.txt", "a-b.txt", "a_b.txt",
        "-a.txt", "a.txt", "a?b.txt", "a*b.txt", "...txt", "東京.txt", "北京.txt",
    ];

    [Fact]
    public void DifferentNames_NeverShareAnId()
    {
        var ids = Names.Select(DocumentFileReader.IdFromFileName).ToList();

        Assert.Equal(Names.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(DocumentId.IsValid(id), $"'{id}' is not a valid id"));
    }

    [Theory]
    [InlineData("日本.txt", "日本")]
    [InlineData("Новости.txt", "Новости")]
    [InlineData("Österreich.txt", "Österreich")]
    [InlineData("dpa-2025:05.14_a.txt", "dpa-2025:05.14_a")]
    public void NameOfIdLetters_IsItsOwnId(string file, string id) => Assert.Equal(id, DocumentFileReader.IdFromFileName(file));

    [Fact]
    public void DecomposedSpelling_IsTheSameNameAsComposed()
    {
        // macOS writes file names decomposed (NFD); the same name typed on Linux is composed (NFC).
        var composed = "Österreich.txt".Normalize(NormalizationForm.FormC);
        var decomposed = "Österreich.txt".Normalize(NormalizationForm.FormD);

        Assert.Equal(DocumentFileReader.IdFromFileName(composed), DocumentFileReader.IdFromFileName(decomposed));
    }

    [Fact]
    public void ANameWithCharactersOutsideTheAlphabet_GetsAnIdNoOtherNameGets()
    {
        var spaced = DocumentFileReader.IdFromFileName("a b.txt");
        var hyphened = DocumentFileReader.IdFromFileName("a-b.txt");

        Assert.Equal("a-b", hyphened);
        Assert.StartsWith("a-b-", spaced, StringComparison.Ordinal);
        Assert.NotEqual(hyphened, spaced);
    }
}
