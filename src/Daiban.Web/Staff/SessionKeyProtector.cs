using System.Security.Cryptography;
using System.Text;

namespace Daiban.Web.Staff;

/// <summary>Encrypts WeChat session keys at rest with AES-GCM under a key derived from the signing secret.</summary>
public sealed class SessionKeyProtector(AuthKeys keys)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.SigningKey, 32, info: "daiban/session-key/v1"u8.ToArray());

    public string Protect(string sessionKey)
    {
        var plain = Encoding.UTF8.GetBytes(sessionKey);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Unprotect(string protectedValue)
    {
        var data = Convert.FromBase64String(protectedValue);
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
