using System.Text;
using Daiban.WeChat.Crypto;

namespace Daiban.Web.Tests.WeChat;

/// <summary>The official vectors of WeChat's message-encryption documentation and their negative cases.</summary>
public sealed class CryptoVectorTests
{
    private const string SampleKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private const string V2Encrypt = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
    private const string V3Encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    private const string V4Encrypt = "mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=";
    private const string V6Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string V6Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    [Fact]
    public void V1_PlainSignature() =>
        Assert.Equal("899cf89e464efb63f54ddac96b0a0a235f53aa78", PushSignature.Compute("AAAAA", "1714037059", "486452656"));

    [Fact]
    public void V2_SafeModePush_VerifiesAndDecrypts()
    {
        var crypto = new WeChatMessageCrypto(new string('A', 43), "wx134c8103faa5a59e");

        var xml = crypto.VerifyAndDecrypt("AAAAA", "1715943329", "1590219412", V2Encrypt, "6c12a4205838198b8fa631b3220723bb07f1015c");

        Assert.Equal(292, Encoding.UTF8.GetByteCount(xml));
        Assert.StartsWith("<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n<FromUserName>", xml);
        Assert.Contains("<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>", xml);
        Assert.EndsWith("</xml>", xml);
    }

    [Fact]
    public void V2_EncryptedReply_IsByteForByte()
    {
        var crypto = new WeChatMessageCrypto(new string('A', 43), "wx134c8103faa5a59e");

        var encrypted = crypto.Encrypt("<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>", "999951349e8ee746"u8);

        Assert.Equal("hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7", encrypted);
        Assert.Equal("03e0812039325c2712ef5f0f980fd14c70d6e307", PushSignature.Compute("AAAAA", "1713424427", "415670741", encrypted));
    }

    [Theory]
    [InlineData(V3Encrypt, "1409735669", "1320562132", "5d197aaffba7e9b25a30732f161a50dee96bd5fa", "1409735668", "6054768590064713728")]
    [InlineData(V4Encrypt, "1410349438", "298025754", "003fee52ecc56afb46c00b5c7721be87860ce785", "1410349438", "6057404712141979648")]
    public void V3V4_OfficialSamples_Decrypt(string encrypt, string timestamp, string nonce, string signature, string createTime, string msgId)
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wx2c2769f8efd9abc2");

        var xml = crypto.VerifyAndDecrypt("spamtest", timestamp, nonce, encrypt, signature);

        Assert.Contains("<Content><![CDATA[abcdteT]]></Content>", xml);
        Assert.Contains($"<CreateTime>{createTime}</CreateTime>", xml);
        Assert.Contains($"<MsgId>{msgId}</MsgId>", xml);
        Assert.Contains("\n", xml);
    }

    [Fact]
    public void V5_DeterministicEncrypt_OfChinese()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wxb11529c136998cb6");

        Assert.Equal("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
            crypto.Encrypt("我是中文abcd123", "aaaabbbbccccdddd"u8));
    }

    [Fact]
    public void V6_WeComVectors_WithPadOf30()
    {
        var crypto = new WeChatMessageCrypto(V6Key, "wx5823bf96d3bd56c7");
        const string echo = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

        Assert.Equal("1616140317555161061", crypto.VerifyAndDecrypt("QDG6eK", "1409659589", "263014780", echo, "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"));
        var xml = crypto.VerifyAndDecrypt("QDG6eK", "1409659813", "1372623149", V6Encrypt, "477715d11cdb4164915debcba66cb864d751f3e6");
        Assert.Contains("<Content><![CDATA[hello]]></Content>", xml);
        Assert.Contains("4561255354251345929", xml);
        Assert.Contains("<AgentID>218</AgentID>", xml);
    }

    [Fact]
    public void RoundTrip_AnyLength_PadsToThirtyTwo()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wxdaiban");
        for (var n = 0; n < 70; n++)
        {
            var text = new string('中', n);
            var encrypted = crypto.Encrypt(text);
            Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
            Assert.Equal(text, crypto.Decrypt(encrypted));
        }
    }

    [Fact]
    public void AlteredSignature_IsRefused()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wx2c2769f8efd9abc2");

        var e = Assert.Throws<WeChatCryptoException>(() => crypto.VerifyAndDecrypt("spamtest", "1409735669", "1320562132", V3Encrypt, "5d197aaffba7e9b25a30732f161a50dee96bd5fb"));

        Assert.Equal(CryptoError.InvalidSignature, e.Error);
    }

    [Fact]
    public void WrongAppId_IsRefused()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wxSomebodyElse");

        Assert.Equal(CryptoError.InvalidAppId, Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(V3Encrypt)).Error);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(44)]
    public void KeyOfWrongLength_IsRefused(int length) =>
        Assert.Equal(CryptoError.IllegalAesKey, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(new string('A', length), "wx")).Error);

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void PadByteOutOfRange_IsRefused(byte pad)
    {
        // Build a ciphertext whose last plaintext byte is the bad pad value.
        var key = Convert.FromBase64String(SampleKey + "=");
        var plain = new byte[64];
        plain[^1] = pad;
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var cipher = Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None));

        Assert.Equal(CryptoError.IllegalBuffer, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(SampleKey, "wx").Decrypt(cipher)).Error);
    }

    [Fact]
    public void NonBase64_IsRefused() =>
        Assert.Equal(CryptoError.InvalidBase64, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(SampleKey, "wx").Decrypt("not base64 at all!")).Error);

    [Fact]
    public void LengthNotMultipleOfBlock_IsRefused() =>
        Assert.Equal(CryptoError.DecryptFailed, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(SampleKey, "wx").Decrypt(Convert.ToBase64String(new byte[20]))).Error);

    [Fact]
    public void Signature_UsesOrdinalSort()
    {
        // Ordinal puts "Xyz" before "abc"; a culture-aware sort would not.
        Assert.Equal(PushSignature.Compute("Xyzabc"), PushSignature.Compute("abc", "Xyz"));
        Assert.True(PushSignature.Matches(PushSignature.Compute("a", "b"), PushSignature.Compute("a", "b").ToUpperInvariant()));
    }
}

/// <summary>One crypto instance serves every push of an app, so it must stay correct when pushes arrive together.</summary>
public sealed class CryptoConcurrencyTests
{
    [Fact]
    public async Task OneInstance_EncryptsAndDecryptsManyPushesAtOnce_EachToItsOwnText()
    {
        var crypto = new WeChatMessageCrypto("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxdaiban");
        var texts = Enumerable.Range(0, 2_000).Select(i => $"<xml><Content><![CDATA[第{i}条：施工许可要多久？]]></Content></xml>").ToArray();

        var decrypted = await Task.WhenAll(texts.Select(t => Task.Run(() => crypto.Decrypt(crypto.Encrypt(t)))));

        Assert.Equal(texts, decrypted);
    }
}
