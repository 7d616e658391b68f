using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input;

/// <summary>
/// SHA-256 over the cleaned text and metadata: equal hash means re-ingest has nothing to do. A language the sender
/// gave counts (re-sending an article with a corrected language updates it); a detected one follows from the text, and
/// leaving it out keeps the hashes of every document stored before languages existed.
/// </summary>
public static class ContentHash
{
    public static string Compute(string title, string? url, PublicationDate? publishedAt, string? source, string text, string? explicitLanguage = null)
    {
        string[] parts = ["v1", title, url ?? string.Empty, publishedAt?.ToString() ?? string.Empty, source ?? string.Empty, text];
        var canonical = string.Join('\u001f', explicitLanguage is null ? parts : [.. parts, "language:" + explicitLanguage]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
