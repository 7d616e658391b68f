using System.Buffers.Text;
using System.Text;

namespace NewsQA.Contracts.Documents;

/// <summary>Opaque paging cursor: the last id of a page and a check of it, base64url-encoded so clients treat it as a token.</summary>
public static class Cursor
{
    /// <summary>Bytes of the id's SHA-256 a cursor carries after the id.</summary>
    private const int CheckBytes = 6;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string lastId)
    {
        var id = Encoding.UTF8.GetBytes(lastId);
        return Base64Url.EncodeToString([.. id, .. Check(id)]);
    }

    /// <summary>
    /// The id a cursor continues after, if it is one this service gave: the id followed by a check of it, so any other
    /// base64url text is refused rather than read as "after this id". A check, not a secret: a cursor only says where
    /// a listing goes on, which any client may ask for anyway.
    /// </summary>
    public static bool TryDecode(string cursor, out string? lastId)
    {
        lastId = null;
        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            if (bytes.Length <= CheckBytes)
            {
                return false;
            }

            var id = bytes[..^CheckBytes];
            if (!Check(id).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - CheckBytes)))
            {
                return false;
            }

            lastId = StrictUtf8.GetString(id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Check(byte[] id) => System.Security.Cryptography.SHA256.HashData(id)[..CheckBytes];
}
