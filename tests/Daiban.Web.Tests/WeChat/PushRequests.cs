using System.Text;
using System.Text.Json.Nodes;
using Daiban.WeChat;
using Daiban.WeChat.Crypto;

namespace Daiban.Web.Tests.WeChat;

/// <summary>Builds pushes the way WeChat sends them, for the default (emulator) mini-program settings.</summary>
public static class PushRequests
{
    public const string Token = WeChatOptions.DefaultToken;
    public const string AesKey = WeChatOptions.DefaultEncodingAesKey;
    public const string AppId = WeChatOptions.DefaultMiniProgramAppId;

    public static string TextXml(string from, string text, long msgId, long createTime = 1_764_000_000) =>
        $"<xml><ToUserName><![CDATA[gh_daiban]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime>" +
        $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static string TextJson(string from, string text, long msgId, long createTime = 1_764_000_000) =>
        new JsonObject
        {
            ["ToUserName"] = "gh_daiban", ["FromUserName"] = from, ["CreateTime"] = createTime.ToString(),
            ["MsgType"] = "text", ["Content"] = text, ["MsgId"] = msgId,
        }.ToJsonString();

    /// <summary>Now, as WeChat stamps a push: the endpoint refuses timestamps outside its window.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

    /// <summary>A fresh nonce per push, as WeChat sends (a reused one carries only its first body).</summary>
    public static string FreshNonce() => Random.Shared.NextInt64(100_000_000, 9_999_999_999).ToString();

    /// <summary>
    /// Plain mode: accepted only by a host without an EncodingAESKey. <paramref name="query"/> replaces the signed
    /// query string, to replay one.
    /// </summary>
    public static HttpRequestMessage Plain(string body, string contentType = "text/xml", string path = "/wx/push/miniprogram", string token = Token,
        string? timestamp = null, string? query = null)
    {
        var (ts, nonce) = (timestamp ?? Now(), FreshNonce());
        return new HttpRequestMessage(HttpMethod.Post, $"{path}?{query ?? $"signature={PushSignature.Compute(token, ts, nonce)}&timestamp={ts}&nonce={nonce}"}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
    }

    /// <summary>Safe mode (or compatible mode when <paramref name="compatible"/>), XML or JSON envelope.</summary>
    public static HttpRequestMessage Encrypted(string plain, bool json = false, bool compatible = false, string appId = AppId, string? msgSignature = null,
        string? timestamp = null, string signatureToken = Token)
    {
        var (ts, nonce) = (timestamp ?? Now(), FreshNonce());
        var encrypted = new WeChatMessageCrypto(AesKey, appId).Encrypt(plain);
        var signature = msgSignature ?? PushSignature.Compute(Token, ts, nonce, encrypted);
        string body;
        if (json)
        {
            var envelope = compatible ? JsonNode.Parse(plain)!.AsObject() : new JsonObject { ["ToUserName"] = "gh_daiban" };
            envelope["Encrypt"] = encrypted;
            body = envelope.ToJsonString();
        }
        else
        {
            body = compatible
                ? plain.Replace("</xml>", $"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>")
                : $"<xml><ToUserName><![CDATA[gh_daiban]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
        }
        return new HttpRequestMessage(HttpMethod.Post,
            $"/wx/push/miniprogram?signature={PushSignature.Compute(signatureToken, ts, nonce)}&timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}")
        {
            Content = new StringContent(body, Encoding.UTF8, json ? "application/json" : "text/xml"),
        };
    }

    /// <summary>The same signed query string with another body (what a forger holding a leaked query string sends).</summary>
    public static HttpRequestMessage WithBody(HttpRequestMessage request, string body, string contentType = "text/xml") =>
        new(request.Method, request.RequestUri) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    public static async Task<HttpResponseMessage> SendCopyAsync(HttpClient client, HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = new StringContent(await request.Content!.ReadAsStringAsync(), Encoding.UTF8, request.Content.Headers.ContentType!.MediaType!),
        };
        return await client.SendAsync(copy);
    }
}
