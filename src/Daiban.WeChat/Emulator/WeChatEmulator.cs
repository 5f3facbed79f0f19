using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Daiban.WeChat.Api;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// A fake api.weixin.qq.com with WeChat's rules: single-use login codes (40029/40163), stable tokens that stay the
/// same until near expiry, per-app tokens (48001 on the wrong one), one-time subscription quota (43101), template
/// messages only to followers (43004), the customer-service window (45015/45047), keyword value rules (47003),
/// msg_sec_check v2, wxacode images, URL links, and injectable faults. State lives in memory; tests read what
/// was sent through <see cref="Messages"/>.
/// </summary>
public sealed class WeChatEmulator(IOptions<WeChatOptions> options, TimeProvider clock, ILogger<WeChatEmulator> logger)
{
    private readonly Lazy<IReadOnlySet<string>?> _pages =
        new(() => LoadPages(options.Value.Emulator.MiniProgramAppJson, logger));

    public sealed record ApiResult(int StatusCode, string ContentType, byte[] Body);

    private sealed record Code(string OpenId, DateTimeOffset ExpiresAt) { public bool Used { get; set; } }

    private sealed record Token(WeChatApp App, string Value, DateTimeOffset ExpiresAt);

    private sealed class Window { public DateTimeOffset OpenedAt; public int Remaining; }

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly Dictionary<string, (string Suggest, int Label)> RiskyWords = new()
    {
        ["赌博"] = ("risky", 20006), ["代开发票"] = ("risky", 20008), ["办证加急费"] = ("review", 20008),
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Code> _loginCodes = new();
    private readonly Dictionary<string, (string Phone, string? OpenId, DateTimeOffset ExpiresAt)> _phoneCodes = new();
    private readonly Dictionary<string, Token> _tokens = new();
    private readonly Dictionary<WeChatApp, Token> _currentToken = new();
    private readonly Dictionary<(string OpenId, string TemplateId), int> _subscriptions = new();
    private readonly HashSet<string> _followers = new();
    private readonly Dictionary<string, Window> _windows = new();
    private readonly Dictionary<string, Queue<int>> _faults = new();
    private readonly Dictionary<string, Queue<TimeSpan>> _stalls = new();
    private readonly Dictionary<(string ToUser, string ClientMsgId), (long MsgId, DateTimeOffset At)> _clientMsgIds = new();
    private readonly List<SentMessage> _messages = [];
    private long _nextMsgId = 3_000_000_000L;

    /// <summary>How many tokens each app was issued (a test of the shared cache counts these).</summary>
    public int TokensIssued(WeChatApp app) { lock (_gate) return _issued.GetValueOrDefault(app); }

    private readonly Dictionary<WeChatApp, int> _issued = new();

    public string IssueLoginCode(string openId)
    {
        var code = RandomToken(24);
        lock (_gate) _loginCodes[code] = new Code(openId, clock.GetUtcNow() + CodeLifetime);
        return code;
    }

    public string IssuePhoneCode(string phone, string? openId)
    {
        var code = RandomToken(32);
        lock (_gate) _phoneCodes[code] = (phone, openId, clock.GetUtcNow() + CodeLifetime);
        return code;
    }

    public void AcceptSubscription(string openId, string templateId, int count)
    {
        lock (_gate) _subscriptions[(openId, templateId)] = _subscriptions.GetValueOrDefault((openId, templateId)) + Math.Max(0, count);
    }

    public void Follow(string officialAccountOpenId) { lock (_gate) _followers.Add(officialAccountOpenId); }

    /// <summary>The user wrote to customer service: the 48-hour window opens with five replies allowed.</summary>
    public void OpenCustomerServiceWindow(string openId)
    {
        lock (_gate) _windows[openId] = new Window { OpenedAt = clock.GetUtcNow(), Remaining = 5 };
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="path"/> answer <paramref name="errCode"/> (0: as
    /// usual) after <paramref name="stall"/>: a stall longer than the client's timeout is WeChat doing the work
    /// and the answer never arriving, the case where a careless retry sends twice.
    /// </summary>
    public void InjectFault(string path, int errCode, int times, TimeSpan stall = default)
    {
        lock (_gate)
        {
            var key = Normalize(path);
            for (var i = 0; i < times; i++)
            {
                if (errCode != 0)
                    (_faults.TryGetValue(key, out var q) ? q : _faults[key] = new Queue<int>()).Enqueue(errCode);
                if (stall > TimeSpan.Zero)
                    (_stalls.TryGetValue(key, out var q) ? q : _stalls[key] = new Queue<TimeSpan>()).Enqueue(stall);
            }
        }
    }

    /// <summary>How long the next call of <paramref name="path"/> is held before it is answered.</summary>
    public TimeSpan TakeStall(string path)
    {
        lock (_gate)
            return _stalls.TryGetValue(Normalize(path), out var q) && q.Count > 0 ? q.Dequeue() : TimeSpan.Zero;
    }

    /// <summary><see cref="Handle"/> after any stall injected for the path (the transports call this).</summary>
    public async Task<ApiResult> HandleAsync(string method, string path, IReadOnlyDictionary<string, string> query,
        string? body)
    {
        var stall = TakeStall(path);
        if (stall > TimeSpan.Zero)
            await Task.Delay(stall, clock, CancellationToken.None);
        return Handle(method, path, query, body);
    }

    public IReadOnlyList<SentMessage> Messages(string? toUser)
    {
        lock (_gate) return _messages.Where(m => toUser is null || m.ToUser == toUser).OrderBy(m => m.Time).ToList();
    }

    /// <summary>Answers one API call as WeChat would: HTTP 200 and an errcode, or image bytes.</summary>
    public ApiResult Handle(string method, string path, IReadOnlyDictionary<string, string> query, string? body)
    {
        path = Normalize(path);
        lock (_gate)
        {
            if (path == "sns/jscode2session" && method == "GET")
                return JsCode2Session(query);
            if (path == "cgi-bin/stable_token" && method == "POST")
                return StableToken(body);
            if (method != "POST")
                return Error(43002, "require POST method");
            if (!_handlers.ContainsKey(path))
                return new ApiResult(404, "application/json", Encoding.UTF8.GetBytes("{\"errcode\":404,\"errmsg\":\"not found\"}"));
            var (app, tokenError) = Authenticate(query.GetValueOrDefault("access_token"));
            if (tokenError is not null)
                return tokenError;
            if (_faults.TryGetValue(path, out var faults) && faults.Count > 0)
            {
                var fault = faults.Dequeue();
                if (fault is 40001 or 42001 && _currentToken.TryGetValue(app, out var current))
                    _tokens.Remove(current.Value);
                return Error(fault, "injected fault");
            }
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(body ?? "");
            }
            catch (JsonException)
            {
                return Error(47001, "data format error");
            }
            return json is JsonObject obj ? _handlers[path](this, app, obj) : Error(47001, "data format error");
        }
    }

    private static readonly Dictionary<string, Func<WeChatEmulator, WeChatApp, JsonObject, ApiResult>> _handlers = new()
    {
        ["wxa/business/getuserphonenumber"] = (e, app, b) => e.PhoneNumber(app, b),
        ["cgi-bin/message/subscribe/send"] = (e, app, b) => e.SubscribeSend(app, b),
        ["cgi-bin/message/template/send"] = (e, app, b) => e.TemplateSend(app, b),
        ["cgi-bin/message/custom/send"] = (e, app, b) => e.CustomSend(app, b),
        ["wxa/msg_sec_check"] = (e, app, b) => e.MsgSecCheck(app, b),
        ["wxa/getwxacodeunlimit"] = (e, app, b) => e.WxaCode(app, b),
        ["wxa/generate_urllink"] = (e, app, b) => e.UrlLink(app, b),
    };

    private ApiResult JsCode2Session(IReadOnlyDictionary<string, string> q)
    {
        var o = options.Value;
        if (q.GetValueOrDefault("appid") != o.MiniProgram.AppId)
            return Error(40013, "invalid appid");
        if (q.GetValueOrDefault("secret") != o.SecretFor(WeChatApp.MiniProgram))
            return Error(40125, "invalid appsecret");
        if (q.GetValueOrDefault("grant_type") != "authorization_code")
            return Error(40002, "invalid grant_type");
        if (!_loginCodes.TryGetValue(q.GetValueOrDefault("js_code") ?? "", out var code) || code.ExpiresAt <= clock.GetUtcNow())
            return Error(40029, "invalid code");
        if (code.Used)
            return Error(40163, "code been used");
        code.Used = true;
        return Ok(new JsonObject
        {
            ["openid"] = code.OpenId,
            ["session_key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            ["unionid"] = "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.OpenId)))[..27],
        }, withErrCode: false);
    }

    private ApiResult StableToken(string? body)
    {
        var o = options.Value;
        JsonNode? json;
        try { json = JsonNode.Parse(body ?? ""); } catch (JsonException) { return Error(47001, "data format error"); }
        var appId = json?["appid"]?.GetValue<string>();
        WeChatApp? app = appId == o.MiniProgram.AppId ? WeChatApp.MiniProgram : appId == o.OfficialAccount.AppId ? WeChatApp.OfficialAccount : null;
        if (app is null)
            return Error(40013, "invalid appid");
        if (json?["secret"]?.GetValue<string>() != o.SecretFor(app.Value))
            return Error(40125, "invalid appsecret");
        if (json?["grant_type"]?.GetValue<string>() != "client_credential")
            return Error(40002, "invalid grant_type");
        var now = clock.GetUtcNow();
        var force = json?["force_refresh"]?.GetValue<bool>() == true;
        if (force && _currentToken.TryGetValue(app.Value, out var old))
            _tokens.Remove(old.Value);
        // Normal mode: the same token while it has more than five minutes left; then the next one, the old kept valid.
        if (force || !_currentToken.TryGetValue(app.Value, out var token) || !_tokens.ContainsKey(token.Value) || token.ExpiresAt - now <= TimeSpan.FromMinutes(5))
        {
            token = new Token(app.Value, $"{(app == WeChatApp.MiniProgram ? "MP" : "OA")}_{RandomToken(64)}", now + TokenLifetime);
            _tokens[token.Value] = token;
            _currentToken[app.Value] = token;
            _issued[app.Value] = _issued.GetValueOrDefault(app.Value) + 1;
        }
        return Ok(new JsonObject { ["access_token"] = token.Value, ["expires_in"] = (int)(token.ExpiresAt - now).TotalSeconds }, withErrCode: false);
    }

    private (WeChatApp App, ApiResult? Error) Authenticate(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken) || !_tokens.TryGetValue(accessToken, out var token))
            return (default, Error(accessToken is { Length: > 20 } ? 40001 : 40014, "invalid credential, access_token is invalid or not latest"));
        if (token.ExpiresAt <= clock.GetUtcNow())
            return (default, Error(42001, "access_token expired"));
        return (token.App, null);
    }

    private ApiResult PhoneNumber(WeChatApp app, JsonObject b)
    {
        if (app != WeChatApp.MiniProgram)
            return Error(48001, "api unauthorized");
        var code = b["code"]?.GetValue<string>() ?? "";
        if (!_phoneCodes.TryGetValue(code, out var entry) || entry.ExpiresAt <= clock.GetUtcNow())
            return Error(40029, "invalid code");
        var openId = b["openid"]?.GetValue<string>();
        if (openId is not null && entry.OpenId is not null && openId != entry.OpenId)
            return Error(40029, "invalid code");
        _phoneCodes.Remove(code);
        return Ok(new JsonObject
        {
            ["phone_info"] = new JsonObject
            {
                ["phoneNumber"] = entry.Phone, ["purePhoneNumber"] = entry.Phone, ["countryCode"] = 86,
                ["watermark"] = new JsonObject { ["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds(), ["appid"] = options.Value.MiniProgram.AppId },
            },
        });
    }

    /// <summary>The checks subscribe and template sends share: the right app's token, a recipient, a template.</summary>
    private static ApiResult? CheckTemplatedSend(WeChatApp app, WeChatApp required, JsonObject b, out string toUser, out string templateId)
    {
        toUser = b["touser"]?.GetValue<string>() ?? "";
        templateId = b["template_id"]?.GetValue<string>() ?? "";
        if (app != required)
            return Error(48001, "api unauthorized");
        if (toUser.Length == 0)
            return Error(40003, "invalid openid");
        return templateId.Length == 0 ? Error(40037, "invalid template_id") : null;
    }

    private ApiResult SubscribeSend(WeChatApp app, JsonObject b)
    {
        if (CheckTemplatedSend(app, WeChatApp.MiniProgram, b, out var toUser, out var templateId) is { } refused)
            return refused;
        if (ValidateData(b["data"]) is { } invalid)
            return invalid;
        if (CheckPage(b["page"]?.GetValue<string>()) is { } noPage)
            return noPage;
        var key = (toUser, templateId);
        if (_subscriptions.GetValueOrDefault(key) <= 0)
            return Error(43101, "user refuse to accept the msg");
        _subscriptions[key]--;
        return Record(new SentMessage("subscribe", toUser, templateId, Clone(b["data"]), b["page"]?.GetValue<string>(), null, null, clock.GetUtcNow()));
    }

    private ApiResult TemplateSend(WeChatApp app, JsonObject b)
    {
        if (CheckTemplatedSend(app, WeChatApp.OfficialAccount, b, out var toUser, out var templateId) is { } refused)
            return refused;
        if (!_followers.Contains(toUser))
            return Error(43004, "require subscribe");
        if (b["miniprogram"] is JsonObject mp && mp["appid"]?.GetValue<string>() != options.Value.MiniProgram.AppId)
            return Error(40013, "invalid appid: the mini-program is not linked to this official account");
        if (ValidateData(b["data"]) is { } invalid)
            return invalid;
        if (CheckPage((b["miniprogram"] as JsonObject)?["pagepath"]?.GetValue<string>()) is { } noPage)
            return noPage;
        var clientMsgId = b["client_msg_id"]?.GetValue<string>();
        if (clientMsgId is not null && _clientMsgIds.TryGetValue((toUser, clientMsgId), out var previous) && clock.GetUtcNow() - previous.At < TimeSpan.FromMinutes(10))
            return Ok(new JsonObject { ["msgid"] = previous.MsgId });
        var page = (b["miniprogram"] as JsonObject)?["pagepath"]?.GetValue<string>() ?? b["url"]?.GetValue<string>();
        var result = Record(new SentMessage("template", toUser, templateId, Clone(b["data"]), page, null, null, clock.GetUtcNow()));
        if (clientMsgId is not null)
            _clientMsgIds[(toUser, clientMsgId)] = (_nextMsgId - 1, clock.GetUtcNow());
        return result;
    }

    private ApiResult CustomSend(WeChatApp app, JsonObject b)
    {
        var toUser = b["touser"]?.GetValue<string>();
        var msgType = b["msgtype"]?.GetValue<string>();
        if (string.IsNullOrEmpty(toUser))
            return Error(40003, "invalid openid");
        if (!_windows.TryGetValue(toUser, out var window) || clock.GetUtcNow() - window.OpenedAt > TimeSpan.FromHours(48))
            return Error(45015, "response out of time limit or subscription is canceled");
        if (window.Remaining <= 0)
            return Error(45047, "out of response count limit");
        string? content;
        string? page = null;
        switch (msgType)
        {
            case "text":
                content = b["text"]?["content"]?.GetValue<string>();
                if (string.IsNullOrEmpty(content))
                    return Error(44003, "empty news data");
                break;
            case "miniprogrampage":
                content = b["miniprogrampage"]?["title"]?.GetValue<string>();
                page = b["miniprogrampage"]?["pagepath"]?.GetValue<string>();
                break;
            default:
                return Error(45162, "invalid type");
        }
        window.Remaining--;
        return Record(new SentMessage("customer-service", toUser, null, null, page, msgType, content, clock.GetUtcNow()));
    }

    private ApiResult MsgSecCheck(WeChatApp app, JsonObject b)
    {
        if (b["version"]?.GetValue<int>() != 2)
            return Error(47001, "version must be 2");
        if (string.IsNullOrEmpty(b["openid"]?.GetValue<string>()))
            return Error(40003, "invalid openid");
        var content = b["content"]?.GetValue<string>() ?? "";
        var hit = RiskyWords.FirstOrDefault(w => content.Contains(w.Key, StringComparison.Ordinal));
        var (suggest, label) = hit.Key is null ? ("pass", 100) : hit.Value;
        return Ok(new JsonObject { ["result"] = new JsonObject { ["suggest"] = suggest, ["label"] = label }, ["trace_id"] = RandomToken(16) });
    }

    private ApiResult WxaCode(WeChatApp app, JsonObject b)
    {
        var scene = b["scene"]?.GetValue<string>() ?? "";
        if (scene.Length is 0 or > 32)
            return Error(40169, "invalid length for scene");
        return new ApiResult(200, "image/png", Png);
    }

    private ApiResult UrlLink(WeChatApp app, JsonObject b)
    {
        var path = b["path"]?.GetValue<string>() ?? "";
        if (path.StartsWith('/') || path.Contains('?'))
            return Error(40165, "invalid weapp pagepath");
        return Ok(new JsonObject { ["url_link"] = $"https://wxaurl.cn/{RandomToken(12)}" });
    }

    /// <summary>A page (its path before '?') must be one of the mini-program's, or WeChat refuses it (41030).</summary>
    private ApiResult? CheckPage(string? page)
    {
        if (string.IsNullOrEmpty(page) || _pages.Value is not { } pages)
            return null;
        return pages.Contains(Notifications.MiniProgramPages.PathOf(page))
            ? null
            : Error(41030, $"invalid page hint: [{page}]");
    }

    /// <summary>The pages of app.json; without one every page is accepted (said once in the log).</summary>
    private static IReadOnlySet<string>? LoadPages(string? configured, ILogger logger)
    {
        if (MiniProgramAppJson.Locate(configured) is not { } path)
        {
            logger.LogWarning("No miniprogram/app.json found (WeChat:Emulator:MiniProgramAppJson = {Configured}): " +
                "the emulator accepts any page", configured ?? "not set");
            return null;
        }
        return MiniProgramAppJson.Pages(path);
    }

    private static ApiResult? ValidateData(JsonNode? data)
    {
        if (data is not JsonObject fields)
            return Error(47003, "argument invalid! data must be an object");
        foreach (var (key, node) in fields)
        {
            var value = (node as JsonObject)?["value"]?.GetValue<string>();
            if (TemplateValueRules.Validate(key, value) is { } why)
                return Error(47003, $"argument invalid! data.{key}.value invalid ({why})");
        }
        return null;
    }

    private ApiResult Record(SentMessage message)
    {
        _messages.Add(message);
        return Ok(new JsonObject { ["msgid"] = _nextMsgId++ });
    }

    private static JsonElement? Clone(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);

    private static ApiResult Ok(JsonObject body, bool withErrCode = true)
    {
        if (withErrCode)
        {
            body["errcode"] = 0;
            body["errmsg"] = "ok";
        }
        return new ApiResult(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body.ToJsonString(WeChatJson.Options)));
    }

    private static ApiResult Error(int errCode, string errMsg) =>
        new(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(new JsonObject
        {
            ["errcode"] = errCode,
            ["errmsg"] = $"{errMsg} rid: {RandomToken(8)}-{RandomToken(8)}",
        }.ToJsonString(WeChatJson.Options)));

    private static string Normalize(string path) => path.Trim('/');

    private static string RandomToken(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];
}
