using NewsQA.Contracts.Documents;

namespace NewsQA.Contracts.Tests.Documents;

public class CursorTests
{
    [Theory]
    [InlineData("doc-1")]
    [InlineData("Österreich:2024/05")]
    [InlineData("東京#3")]
    public void EncodedCursor_DecodesToTheSameId(string id)
    {
        var cursor = Cursor.Encode(id);

        Assert.True(Cursor.TryDecode(cursor, out var decoded));
        Assert.Equal(id, decoded);
    }

    [Fact]
    public void Cursor_IsUrlSafeText()
    {
        // Ids whose UTF-8 bytes encode to '+' and '/' in plain base64.
        var cursor = Cursor.Encode("\u00fb\u00ff\u00fe?>");

        Assert.DoesNotContain('+', cursor);
        Assert.DoesNotContain('/', cursor);
        Assert.DoesNotContain('=', cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("a")]
    public void MalformedOrEmptyCursor_IsRefused(string cursor)
    {
        Assert.False(Cursor.TryDecode(cursor, out _));
    }

    /// <summary>Issue 33 item 19: base64url text the service did not give (an id encoded by hand, a cut or edited cursor) is no cursor.</summary>
    [Fact]
    public void CursorNotGivenByTheService_IsRefused()
    {
        var handMade = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes("doc-zzz"));
        var given = Cursor.Encode("doc-1");
        var edited = given[..^2] + (given[^2] == 'A' ? "B" : "A") + given[^1];

        Assert.False(Cursor.TryDecode(handMade, out _));
        Assert.False(Cursor.TryDecode(given[..^3], out _));
        Assert.False(Cursor.TryDecode(edited, out _));
    }
}
