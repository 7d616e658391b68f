using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingestion;

/// <summary>SHA-256 over the cleaned text and metadata: equal hash means re-ingest has nothing to do.</summary>
public static class ContentHash
{
    public static string Compute(string title, string? url, PublicationDate? publishedAt, string? source, string text)
    {
        var canonical = string.Join('\u001f', "v1", title, url ?? string.Empty, publishedAt?.ToString() ?? string.Empty, source ?? string.Empty, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
