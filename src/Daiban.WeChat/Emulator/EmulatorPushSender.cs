using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Daiban.WeChat.Api;
using Daiban.WeChat.Crypto;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// Plays WeChat's side of message push: builds the message in the configured format (XML or JSON) and mode
/// (plain, compatible, safe), signs it, posts it to our push endpoint, waits up to five seconds and retries
/// three times as WeChat does, then judges the answer (only "success" or an empty body is clean).
/// </summary>
public sealed class EmulatorPushSender(IHttpClientFactory httpFactory, IOptions<WeChatOptions> options, WeChatEmulator emulator, IServer server, TimeProvider clock)
{
    public const string HttpClientName = "wechat-emulator-push";
    private long _nextMsgId = 24_000_000_000_000_000L;
    private long _nextTarget = -1;

    public async Task<PushDeliveryReport> SendUserTextAsync(string openId, string text, WeChatApp target, CancellationToken ct)
    {
        var o = options.Value;
        var app = o.For(target);
        var createTime = clock.GetUtcNow().ToUnixTimeSeconds();
        var msgId = Interlocked.Increment(ref _nextMsgId);
        var fields = new (string Name, object Value)[]
        {
            ("ToUserName", "gh_daiban_mp"), ("FromUserName", openId), ("CreateTime", createTime),
            ("MsgType", "text"), ("Content", text), ("MsgId", msgId),
        };
        // Writing to customer service opens the reply window, as it does in WeChat.
        emulator.OpenCustomerServiceWindow(openId);
        return await DeliverAsync(target == WeChatApp.MiniProgram ? "wx/push/miniprogram" : "wx/push/officialaccount", app, fields, ct);
    }

    /// <summary>
    /// The user answered wx.requestSubscribeMessage with "accept" <paramref name="count"/> times: the emulator grants
    /// the quota on its side and pushes one subscribe_msg_popup_event per accept to us, as WeChat does.
    /// </summary>
    public async Task<PushDeliveryReport> SendSubscriptionAcceptedAsync(string openId, string templateId, int count, CancellationToken ct)
    {
        emulator.AcceptSubscription(openId, templateId, count);
        var report = new PushDeliveryReport(0, 200, "success", "");
        var createTime = clock.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            // Separate popups happen at separate moments; the time is part of WeChat's event de-duplication key.
            var list = $"<List><TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List>";
            var fields = options.Value.Emulator.PushEncoding == PushEncoding.Xml
                ? new (string Name, object Value)[] { ("ToUserName", "gh_daiban_mp"), ("FromUserName", openId), ("CreateTime", createTime + i), ("MsgType", "event"), ("Event", "subscribe_msg_popup_event"), ("SubscribeMsgPopupEvent", new RawXml(list)) }
                : [("ToUserName", "gh_daiban_mp"), ("FromUserName", openId), ("CreateTime", createTime + i), ("MsgType", "event"), ("Event", "subscribe_msg_popup_event"),
                   ("SubscribeMsgPopupEvent", new RawJson($"{{\"List\":{{\"TemplateId\":\"{templateId}\",\"SubscribeStatusString\":\"accept\",\"PopupScene\":\"0\"}}}}"))];
            report = await DeliverAsync("wx/push/miniprogram", options.Value.MiniProgram, fields, ct);
            if (report.Verdict != "success")
                return report;
        }
        return report;
    }

    private sealed record RawXml(string Xml);

    private sealed record RawJson(string Json);

    private async Task<PushDeliveryReport> DeliverAsync(string path, WeChatAppOptions app, (string Name, object Value)[] fields, CancellationToken ct)
    {
        var o = options.Value.Emulator;
        var plain = o.PushEncoding == PushEncoding.Xml ? Xml(fields) : Json(fields);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString();
        var query = $"signature={PushSignature.Compute(app.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
        var body = plain;
        if (o.PushSecurity != PushSecurity.Plain)
        {
            var encrypted = new WeChatMessageCrypto(app.EncodingAESKey, app.AppId).Encrypt(plain);
            query += $"&encrypt_type=aes&msg_signature={PushSignature.Compute(app.Token, timestamp, nonce, encrypted)}";
            body = o.PushSecurity == PushSecurity.Safe
                ? (o.PushEncoding == PushEncoding.Xml ? Xml([("ToUserName", "gh_daiban_mp"), ("Encrypt", encrypted)]) : Json([("ToUserName", "gh_daiban_mp"), ("Encrypt", encrypted)]))
                : (o.PushEncoding == PushEncoding.Xml ? Xml([.. fields, ("Encrypt", encrypted)]) : Json([.. fields, ("Encrypt", encrypted)]));
        }

        var http = httpFactory.CreateClient(HttpClientName);
        var targets = Targets(http);
        var first = (int)(Interlocked.Increment(ref _nextTarget) % targets.Count);
        var deliveries = 0;
        var verdict = "timeout";
        for (var attempt = 0; attempt <= o.PushRetries; attempt++)
        {
            deliveries++;
            var target = targets[(first + attempt) % targets.Count];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.PushTimeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, o.PushEncoding == PushEncoding.Xml ? "text/xml" : "application/json");
                using var response = await http.PostAsync(new Uri(target, $"{path}?{query}"), content, timeout.Token);
                var answer = await response.Content.ReadAsStringAsync(ct);
                var clean = (int)response.StatusCode == 200 && (answer == "success" || answer.Length == 0);
                return new PushDeliveryReport(deliveries, (int)response.StatusCode, clean ? "success" : "error-banner",
                    answer);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // No answer within the timeout: WeChat drops the connection and sends the same message again.
            }
            catch (HttpRequestException)
            {
                // An instance that is down refuses the connection; WeChat retries, here on the next target.
                verdict = "unreachable";
                continue;
            }
            verdict = "timeout";
        }
        return new PushDeliveryReport(deliveries, 0, verdict, "");
    }

    private IReadOnlyList<Uri> Targets(HttpClient http)
    {
        var configured = options.Value.Emulator.PushTargets;
        if (configured.Count > 0)
            return configured.Select(t => new Uri(t.TrimEnd('/') + "/")).ToList();
        return [http.BaseAddress ?? OwnAddress()];
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new UnreachableException("The server has no address to push to.");
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
    }

    private static string Xml(IEnumerable<(string Name, object Value)> fields)
    {
        var sb = new StringBuilder("<xml>");
        foreach (var (name, value) in fields)
            sb.Append(value switch
            {
                string s => $"<{name}><![CDATA[{s}]]></{name}>",
                RawXml x => $"<{name}>{x.Xml}</{name}>",
                _ => $"<{name}>{value}</{name}>",
            });
        return sb.Append("</xml>").ToString();
    }

    private static string Json(IEnumerable<(string Name, object Value)> fields)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in fields)
            obj[name] = value switch
            {
                string s => JsonValue.Create(s),
                RawJson j => JsonNode.Parse(j.Json),
                _ => JsonValue.Create(Convert.ToInt64(value)),
            };
        return obj.ToJsonString(WeChatJson.Options);
    }
}
