using System.Security.Cryptography;
using System.Text;

namespace Daiban.WeChat.Crypto;

/// <summary>
/// WeChat's push signatures: SHA-1 over the parts sorted by ordinal character code and concatenated.
/// Three parts (token, timestamp, nonce) give <c>signature</c>; adding the ciphertext gives <c>msg_signature</c>.
/// </summary>
public static class PushSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.ToArray();
        // Ordinal, never culture-aware: "Xyz" must sort before "abc" exactly as WeChat sorts it.
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Constant-time comparison, case-insensitive on the hex digits.</summary>
    public static bool Matches(string expected, string? actual)
    {
        if (actual is null || actual.Length != expected.Length)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
    }
}
