using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Tests.Ingest.Input;

public class DocumentIdTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("dpa-2025:05.14_a")]
    [InlineData("日本")]
    [InlineData("Österreich")]
    public void SafeIds_AreValid(string id) => Assert.True(DocumentId.IsValid(id));

    [Theory]
    [InlineData("x\n")]
    [InlineData("x\r\n")]
    [InlineData("-x")]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("O\u0308sterreich")]
    [InlineData("a\u200bb")]
    public void IdsOutsideTheAlphabet_AreRefused(string id)
    {
        // "x\n" beside "x" would be a second document whose id breaks the log line it is written in.
        Assert.False(DocumentId.IsValid(id));
    }
}
