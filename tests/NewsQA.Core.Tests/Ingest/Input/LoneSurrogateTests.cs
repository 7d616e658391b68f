using System.Text;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Tests.Ingest.Input;

/// <summary>Issue 33 item 4: an escaped lone surrogate is valid JSON but no text; the record is refused naming the field, and nothing throws.</summary>
public sealed class LoneSurrogateTests : IDisposable
{
    private readonly NewsQA.Testing.TempFolder dir = new("newsqa-surrogate-");

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("""{"text":"Ein Satz \ud800 mit Loch."}""", "text")]
    [InlineData("""{"text":"Ein Satz.","title":"\udfff"}""", "title")]
    [InlineData("""{"text":"Ein Satz.","id":"a\ud800"}""", "id")]
    public void Record_IsRefusedNamingTheField(string json, string field)
    {
        var decoded = DocumentDecoder.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Null(decoded.Input);
        Assert.Equal(field, decoded.Field);
        Assert.Contains("surrogate", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_BadRecordInTheMiddle_IsReportedWithItsLine_AndTheNextIsRead()
    {
        var file = System.IO.Path.Combine(dir.Path, "mixed.jsonl");
        File.WriteAllLines(file, ["""{"id":"eins","text":"Erster Artikel."}""", """{"id":"zwei","text":"\ud800"}""", """{"id":"drei","text":"Dritter Artikel."}"""]);

        var results = DocumentFileReader.Read(file).ToList();

        Assert.Equal(["eins", null, "drei"], results.Select(r => r.Input?.Id));
        Assert.Equal($"{file}:2", results[1].Origin);
        Assert.Contains("'text'", results[1].Error, StringComparison.Ordinal);
    }
}
