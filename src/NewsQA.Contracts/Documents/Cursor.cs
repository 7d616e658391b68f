using System.Buffers.Text;
using System.Text;

namespace NewsQA.Contracts.Documents;

/// <summary>Opaque paging cursor: the last id of a page, base64url-encoded so clients treat it as a token.</summary>
public static class Cursor
{
    public static string Encode(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    public static bool TryDecode(string cursor, out string? lastId)
    {
        lastId = null;
        try
        {
            lastId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return lastId.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
