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
}
