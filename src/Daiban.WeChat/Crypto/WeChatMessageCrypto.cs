using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Daiban.WeChat.Crypto;

/// <summary>Why a safe-mode payload was refused; the numbers are those of WeChat's official samples.</summary>
public enum CryptoError
{
    InvalidSignature = -40001,
    IllegalAesKey = -40004,
    InvalidAppId = -40005,
    DecryptFailed = -40007,
    IllegalBuffer = -40008,
    InvalidBase64 = -40010,
}

public sealed class WeChatCryptoException(CryptoError error, string message) : Exception(message)
{
    public CryptoError Error { get; } = error;
}

/// <summary>
/// The WXBizMsgCrypt scheme: AES-256-CBC with IV = first 16 key bytes, plaintext
/// random(16) ‖ length(4, big-endian) ‖ message ‖ appid, padded PKCS#7-style to a multiple of 32 bytes. .NET's PKCS7
/// padding works in 16-byte blocks and rejects pads above 16, so padding is done here by hand.
/// </summary>
public sealed class WeChatMessageCrypto
{
    private const int BlockSize = 32;
    private readonly byte[] _key;
    private readonly string _appId;
    // One cipher object per key: creating it costs more than decrypting a push. One-shot calls are not documented
    // as thread-safe, so they take turns (each is a microsecond or two).
    private readonly Aes _aes;
    private readonly Lock _aesLock = new();

    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        if (encodingAesKey is not { Length: 43 })
            throw new WeChatCryptoException(CryptoError.IllegalAesKey, "EncodingAESKey must be 43 characters.");
        try
        {
            _key = Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(CryptoError.IllegalAesKey, "EncodingAESKey is not base64.");
        }
        if (_key.Length != 32)
            throw new WeChatCryptoException(CryptoError.IllegalAesKey, "EncodingAESKey must decode to 32 bytes.");
        _appId = appId;
        _aes = Aes.Create();
        _aes.Key = _key;
    }

    public string Encrypt(string message, ReadOnlySpan<byte> random16 = default)
    {
        var random = random16.IsEmpty ? RandomNumberGenerator.GetBytes(16) : random16.ToArray();
        if (random.Length != 16)
            throw new ArgumentException("The random prefix must be 16 bytes.", nameof(random16));
        var msg = Encoding.UTF8.GetBytes(message);
        var appId = Encoding.UTF8.GetBytes(_appId);
        var length = 16 + 4 + msg.Length + appId.Length;
        var pad = BlockSize - length % BlockSize;
        var plain = new byte[length + pad];
        random.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        appId.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        byte[] cipher;
        lock (_aesLock)
            cipher = _aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None);
        return Convert.ToBase64String(cipher);
    }

    /// <summary>Decrypts and checks that the payload was meant for our AppId.</summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(CryptoError.InvalidBase64, "Encrypt is not base64.");
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new WeChatCryptoException(CryptoError.DecryptFailed, "Ciphertext length is not a multiple of the AES block.");
        byte[] plain;
        lock (_aesLock)
            plain = _aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length - 20)
            throw new WeChatCryptoException(CryptoError.IllegalBuffer, "Invalid padding.");
        var content = plain.AsSpan(0, plain.Length - pad);
        var msgLength = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (msgLength < 0 || 20 + msgLength > content.Length)
            throw new WeChatCryptoException(CryptoError.IllegalBuffer, "Invalid message length.");
        var appId = Encoding.UTF8.GetString(content[(20 + msgLength)..]);
        if (!string.Equals(appId, _appId, StringComparison.Ordinal))
            throw new WeChatCryptoException(CryptoError.InvalidAppId, "The payload was encrypted for another AppId.");
        return Encoding.UTF8.GetString(content.Slice(20, msgLength));
    }

    /// <summary>Checks msg_signature, then decrypts.</summary>
    public string VerifyAndDecrypt(string token, string timestamp, string nonce, string encrypted, string? msgSignature)
    {
        if (!PushSignature.Matches(PushSignature.Compute(token, timestamp, nonce, encrypted), msgSignature))
            throw new WeChatCryptoException(CryptoError.InvalidSignature, "msg_signature does not match.");
        return Decrypt(encrypted);
    }
}
