using System.Text.Json.Serialization;

namespace Daiban.WeChat.Api;

// One request/response pair per endpoint, named after the path. Responses carry errcode/errmsg; success is errcode 0 or absent.

public record WeChatResponse
{
    [JsonPropertyName("errcode")] public int ErrCode { get; init; }
    [JsonPropertyName("errmsg")] public string? ErrMsg { get; init; }
}

/// <summary>GET /sns/jscode2session.</summary>
public sealed record Code2SessionResponse : WeChatResponse
{
    [JsonPropertyName("openid")] public string OpenId { get; init; } = "";
    [JsonPropertyName("session_key")] public string SessionKey { get; init; } = "";
    [JsonPropertyName("unionid")] public string? UnionId { get; init; }
}

/// <summary>POST /cgi-bin/stable_token.</summary>
public sealed record StableTokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("force_refresh")] bool ForceRefresh = false);

public sealed record StableTokenResponse : WeChatResponse
{
    [JsonPropertyName("access_token")] public string AccessToken { get; init; } = "";
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
}

/// <summary>POST /wxa/business/getuserphonenumber.</summary>
public sealed record PhoneNumberRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("openid")] string? OpenId = null);

public sealed record PhoneNumberResponse : WeChatResponse
{
    [JsonPropertyName("phone_info")] public PhoneInfo? PhoneInfo { get; init; }
}

public sealed record PhoneInfo
{
    [JsonPropertyName("phoneNumber")] public string PhoneNumber { get; init; } = "";
    [JsonPropertyName("purePhoneNumber")] public string PurePhoneNumber { get; init; } = "";
    // Documented as a string, returned as a number: kept as whatever arrived.
    [JsonPropertyName("countryCode")] public System.Text.Json.JsonElement CountryCode { get; init; }
    [JsonPropertyName("watermark")] public Watermark? Watermark { get; init; }
}

public sealed record Watermark
{
    [JsonPropertyName("timestamp")] public long Timestamp { get; init; }
    [JsonPropertyName("appid")] public string AppId { get; init; } = "";
}

public sealed record TemplateValue([property: JsonPropertyName("value")] string Value);

/// <summary>POST /cgi-bin/message/subscribe/send (mini-program, to an enterprise contact).</summary>
public sealed record SubscribeMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, TemplateValue> Data,
    [property: JsonPropertyName("page")] string? Page = null,
    [property: JsonPropertyName("miniprogram_state")] string? MiniProgramState = null,
    [property: JsonPropertyName("lang")] string Lang = "zh_CN");

public sealed record MessageSendResponse : WeChatResponse
{
    [JsonPropertyName("msgid")] public long? MsgId { get; init; }
}

public sealed record MiniProgramJump(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("pagepath")] string PagePath);

/// <summary>POST /cgi-bin/message/template/send (Official Account, to staff).</summary>
public sealed record TemplateMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, TemplateValue> Data,
    [property: JsonPropertyName("miniprogram")] MiniProgramJump? MiniProgram = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("client_msg_id")] string? ClientMsgId = null);

/// <summary>POST /cgi-bin/message/custom/send.</summary>
public sealed record CustomerServiceMessageRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] CustomerServiceText? Text = null,
    [property: JsonPropertyName("miniprogrampage")] CustomerServicePage? MiniProgramPage = null);

public sealed record CustomerServiceText([property: JsonPropertyName("content")] string Content);

public sealed record CustomerServicePage(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("pagepath")] string PagePath,
    [property: JsonPropertyName("thumb_media_id")] string ThumbMediaId);

/// <summary>POST /wxa/msg_sec_check (version 2).</summary>
public sealed record MsgSecCheckRequest(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("scene")] int Scene,
    [property: JsonPropertyName("version")] int Version = 2);

public sealed record MsgSecCheckResponse : WeChatResponse
{
    [JsonPropertyName("result")] public MsgSecCheckResult? Result { get; init; }
    [JsonPropertyName("trace_id")] public string? TraceId { get; init; }
}

public sealed record MsgSecCheckResult
{
    /// <summary>pass, review or risky. errcode 0 alone does not mean the text is clean.</summary>
    [JsonPropertyName("suggest")] public string Suggest { get; init; } = "";
    [JsonPropertyName("label")] public int Label { get; init; }
}

/// <summary>POST /wxa/getwxacodeunlimit: image bytes on success, JSON on failure.</summary>
public sealed record WxaCodeRequest(
    [property: JsonPropertyName("scene")] string Scene,
    [property: JsonPropertyName("page")] string? Page = null,
    [property: JsonPropertyName("check_path")] bool CheckPath = true,
    [property: JsonPropertyName("env_version")] string EnvVersion = "release",
    [property: JsonPropertyName("width")] int Width = 430);

/// <summary>POST /wxa/generate_urllink.</summary>
public sealed record UrlLinkRequest(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("expire_type")] int ExpireType = 1,
    [property: JsonPropertyName("expire_interval")] int ExpireInterval = 30,
    [property: JsonPropertyName("env_version")] string EnvVersion = "release");

public sealed record UrlLinkResponse : WeChatResponse
{
    [JsonPropertyName("url_link")] public string UrlLink { get; init; } = "";
}
