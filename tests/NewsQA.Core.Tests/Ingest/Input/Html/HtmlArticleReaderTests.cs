using System.Text;
using NewsQA.Core.Documents;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Ingest.Input.Html;

namespace NewsQA.Core.Tests.Ingest.Input.Html;

/// <summary>Metadata a page declares, in the order the issue names, and the ways a page reaches the decoder.</summary>
public sealed class HtmlArticleReaderTests
{
    private const string Body = "<p>Der Stadtrat hat am Abend einen neuen Haushalt beschlossen, der deutlich mehr Geld für Schulen vorsieht.</p>"
        + "<p>Die Opposition kritisierte die Pläne als unzureichend und kündigte weiteren Widerstand an.</p>";

    private static string Page(string head, string body = Body) => $"<html><head>{head}</head><body><article>{body}</article></body></html>";

    [Fact]
    public void MetaTags_WinOverJsonLdAndTime()
    {
        var page = HtmlArticleReader.Read(Page(
            """
            <meta property="og:title" content="Haushalt beschlossen"><meta property="article:published_time" content="2025-03-04T22:10:00+01:00">
            <meta property="og:site_name" content="Stadtanzeiger">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Anders","datePublished":"2024-01-01","publisher":{"name":"Verlag"}}</script>
            """, "<time datetime=\"2023-05-05\">5. Mai</time>" + Body))!;

        Assert.Equal("Haushalt beschlossen", page.Title);
        Assert.Equal(new PublicationDate(2025, 3, 4), page.PublishedAt);
        Assert.Equal("Stadtanzeiger", page.Source);
    }

    [Fact]
    public void JsonLd_FillsWhatMetaTagsLack_ThenTime()
    {
        var fromLd = HtmlArticleReader.Read(Page("""<script type="application/ld+json">[{"@type":"WebSite"},{"@type":["NewsArticle"],"headline":"Aus JSON-LD","datePublished":"2024-11-30T08:00:00Z","publisher":[{"@type":"Organization","name":"Verlag West"}]}]</script>"""))!;
        var fromTime = HtmlArticleReader.Read(Page("<title>Seite</title>", "<h1>Überschrift</h1><time datetime=\"2023-05-05T10:00\">5. Mai</time>" + Body))!;

        Assert.Equal(("Aus JSON-LD", new PublicationDate(2024, 11, 30), "Verlag West"), (fromLd.Title, fromLd.PublishedAt, fromLd.Source));
        Assert.Equal(("Überschrift", new PublicationDate(2023, 5, 5), (string?)null), (fromTime.Title, fromTime.PublishedAt, fromTime.Source));
        Assert.DoesNotContain("Überschrift", fromTime.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenJsonLd_IsSkipped()
    {
        var page = HtmlArticleReader.Read(Page("""<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script><meta property="og:title" content="Trotzdem">"""))!;

        Assert.Equal("Trotzdem", page.Title);
        Assert.Contains("Der Stadtrat hat am Abend", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_IsResolvedAgainstThePageAddress_AndOnlyHttp()
    {
        var relative = HtmlArticleReader.Read(Page("<link rel=\"canonical\" href=\"/a/haushalt.html\">"), new Uri("https://stadt.example/x?utm_source=feed"))!;
        var script = HtmlArticleReader.Read(Page("<link rel=\"canonical\" href=\"javascript:alert(1)\"><meta property=\"og:url\" content=\"https://stadt.example/og\">"))!;

        Assert.Equal("https://stadt.example/a/haushalt.html", relative.CanonicalUrl);
        Assert.Equal("https://stadt.example/og", script.CanonicalUrl);
    }

    [Fact]
    public void PageWithoutText_IsRefusedByTheDecoder()
    {
        var decoded = DocumentDecoder.FromHtml("<html><head><title>Leer</title></head><body><nav><a href=\"/\">Start</a></nav><script>x()</script></body></html>");

        Assert.Null(decoded.Input);
        Assert.Equal("html", decoded.Field);
    }

    [Fact]
    public void JsonRecord_WithUrlAndHtml_KeepsTheRecordsFieldsOverThePages()
    {
        var record = """{"url":"https://stadt.example/haushalt","html":"<html><head><meta property='og:title' content='Vom Blatt'></head><body><article><p>Der Stadtrat hat am Abend einen neuen Haushalt beschlossen, der deutlich mehr Geld vorsieht.</p></article></body></html>","source":"Eigene Quelle"}""";

        var input = DocumentDecoder.FromJson(Encoding.UTF8.GetBytes(record)).Input!;

        Assert.Equal("Vom Blatt", input.Title);
        Assert.Equal("Eigene Quelle", input.Source);
        Assert.Equal("https://stadt.example/haushalt", input.Url);
        Assert.StartsWith("Der Stadtrat hat am Abend", input.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonRecord_WithTextAndHtml_IsRefused()
    {
        var decoded = DocumentDecoder.FromJson("""{"text":"Ein Satz.","html":"<p>Ein Satz.</p>"}"""u8);

        Assert.Equal("html", decoded.Field);
        Assert.Contains("not both", decoded.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-8859-1", false)]
    [InlineData(null, true)]
    [InlineData("windows-1252", true)]
    public void Latin1Page_IsDecodedByItsDeclaredOrMetaCharset(string? header, bool metaInPage)
    {
        var html = (metaInPage ? "<meta charset=\"windows-1252\">" : string.Empty) + "<p>Größere Straßen für München – „sagte er“.</p>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(html);

        Assert.Contains("Größere Straßen für München – „sagte er“.", HtmlDecoding.Decode(bytes, header), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8Page_DeclaredAsLatin1_IsReadAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Größere Straßen für München.</p>");

        Assert.Contains("Größere Straßen für München.", HtmlDecoding.Decode(bytes, "iso-8859-1"), StringComparison.Ordinal);
        Assert.Contains("Größere Straßen für München.", HtmlDecoding.Decode(bytes, "bogus-charset"), StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedPage_IsRefused_NotAStackOverflow()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "<p>Ein Satz, der tief unten steht und lang genug für einen Artikel sein soll.</p></body></html>";

        Assert.Null(HtmlArticleReader.Read(html));
    }

    [Fact]
    public void SavedPageFile_InWindows1252_WithAnHtmExtension_IsReadAsAPage()
    {
        using var folder = new NewsQA.Testing.TempFolder("newsqa-htm-");
        var file = Path.Combine(folder, "Stadtrat Haushalt.htm");
        File.WriteAllBytes(file, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(
            "<html><head><meta charset=\"windows-1252\"><title>Haushalt für Schulen</title></head><body><nav>Start</nav><article><p>Der Stadtrat hat am Abend einen neuen Haushalt beschlossen, der deutlich mehr Geld für Schulen in München vorsieht.</p></article></body></html>"));

        var read = Assert.Single(DocumentFileReader.Read(file));

        Assert.Null(read.Error);
        Assert.Equal(DocumentFileReader.IdFromFileName(file), read.Input!.Id); // the file-name rule of every other file type
        Assert.Equal("Haushalt für Schulen", read.Input.Title);
        Assert.Equal("Der Stadtrat hat am Abend einen neuen Haushalt beschlossen, der deutlich mehr Geld für Schulen in München vorsieht.", read.Input.Text);
    }

    [Fact]
    public void EntryTimestamps_AreDropped_ButTimesInSentencesStay()
    {
        var page = HtmlArticleReader.Read(Page(string.Empty, "<div><time>09:12 Uhr</time></div>" + Body + "<p>Die Sitzung endete um <time>22:10</time> Uhr mit einer Abstimmung über alle Anträge der Fraktionen.</p>"))!;

        Assert.DoesNotContain("09:12", page.Text, StringComparison.Ordinal);
        Assert.Contains("um 22:10 Uhr mit einer Abstimmung", page.Text, StringComparison.Ordinal);
    }
}
