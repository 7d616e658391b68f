using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// A feed item's document id: stable for its key (the feed's id/guid, else its link), so a re-published or re-read item
/// updates its document instead of adding a second, and the same article listed by two feeds is one document.
/// </summary>
public static class FeedDocumentId
{
    public static string Of(string itemKey) => "feed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(itemKey.Trim())))[..20];
}
