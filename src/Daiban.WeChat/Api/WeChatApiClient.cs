using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Api;

/// <summary>
/// The WeChat server API, exactly the calls Daiban uses. Success is decided by errcode; a stale token is
/// refreshed and the call retried once; -1 is retried with back-off; everything else surfaces as a
/// <see cref="WeChatApiException"/> the caller classifies. Tokens and secrets travel in query strings, so nothing
/// here logs a URL, and the HttpClient's own request logging is removed.
/// </summary>
public sealed class WeChatApiClient(HttpClient http, AccessTokenProvider tokens, IOptions<WeChatOptions> options, ILogger<WeChatApiClient> logger)
{
    private static readonly TimeSpan[] BusyBackoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    public async Task<Code2SessionResponse> Code2SessionAsync(string jsCode, CancellationToken ct)
    {
        var o = options.Value;
        var url = $"sns/jscode2session?appid={Uri.EscapeDataString(o.MiniProgram.AppId)}&secret={Uri.EscapeDataString(o.SecretFor(WeChatApp.MiniProgram))}" +
                  $"&js_code={Uri.EscapeDataString(jsCode)}&grant_type=authorization_code";
        for (var attempt = 0; ; attempt++)
        {
            using var response = await WeChatApiException.OnTransportAsync("jscode2session", () => http.GetAsync(url, ct), ct);
            var body = await ReadAsync<Code2SessionResponse>(response, ct);
            if (body.ErrCode == -1 && attempt < BusyBackoff.Length)
            {
                await Task.Delay(BusyBackoff[attempt], ct);
                continue;
            }
            return Ensure("jscode2session", body);
        }
    }

    public Task<PhoneNumberResponse> GetPhoneNumberAsync(PhoneNumberRequest request, CancellationToken ct) =>
        PostAsync<PhoneNumberResponse>(WeChatApp.MiniProgram, "wxa/business/getuserphonenumber", request, ct);

    public Task<MessageSendResponse> SendSubscribeMessageAsync(SubscribeMessageRequest request, CancellationToken ct) =>
        PostAsync<MessageSendResponse>(WeChatApp.MiniProgram, "cgi-bin/message/subscribe/send", request, ct);

    public Task<MessageSendResponse> SendTemplateMessageAsync(TemplateMessageRequest request, CancellationToken ct) =>
        PostAsync<MessageSendResponse>(WeChatApp.OfficialAccount, "cgi-bin/message/template/send", request, ct);

    public Task<MessageSendResponse> SendCustomerServiceMessageAsync(WeChatApp app, CustomerServiceMessageRequest request, CancellationToken ct) =>
        PostAsync<MessageSendResponse>(app, "cgi-bin/message/custom/send", request, ct);

    public Task<MsgSecCheckResponse> CheckTextAsync(MsgSecCheckRequest request, CancellationToken ct) =>
        PostAsync<MsgSecCheckResponse>(WeChatApp.MiniProgram, "wxa/msg_sec_check", request, ct);

    public Task<UrlLinkResponse> GenerateUrlLinkAsync(UrlLinkRequest request, CancellationToken ct) =>
        PostAsync<UrlLinkResponse>(WeChatApp.MiniProgram, "wxa/generate_urllink", request, ct);

    /// <summary>A mini-program code image (PNG or JPEG bytes).</summary>
    public async Task<byte[]> GetUnlimitedWxaCodeAsync(WxaCodeRequest request, CancellationToken ct)
    {
        var result = await SendAsync(WeChatApp.MiniProgram, "wxa/getwxacodeunlimit", request, async (response, token) =>
        {
            if (response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true)
                return (new WeChatResponse(), await response.Content.ReadAsByteArrayAsync(token));
            return (await ReadAsync<WeChatResponse>(response, token), Array.Empty<byte>());
        }, ct);
        return result;
    }

    private Task<T> PostAsync<T>(WeChatApp app, string path, object request, CancellationToken ct) where T : WeChatResponse =>
        SendAsync(app, path, request, async (response, token) =>
        {
            var body = await ReadAsync<T>(response, token);
            return (body, body);
        }, ct);

    private async Task<TResult> SendAsync<TResult>(WeChatApp app, string path, object request,
        Func<HttpResponseMessage, CancellationToken, Task<(WeChatResponse Status, TResult Result)>> read, CancellationToken ct)
    {
        var refreshed = false;
        var busy = 0;
        while (true)
        {
            var token = await tokens.GetAsync(app, ct);
            using var content = JsonContent.Create(request, request.GetType(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, WeChatJson.Options);
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync($"{path}?access_token={Uri.EscapeDataString(token)}", content, ct);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                // The client's timeout, not ours: the request may have been carried out (see Unanswered).
                logger.LogWarning("WeChat {Path} did not answer within {Timeout}", path, http.Timeout);
                throw WeChatApiException.Unanswered(path, e);
            }
            using var answered = response;
            var (status, result) = await read(response, ct);
            switch (status.ErrCode)
            {
                case 0:
                    return result;
                case 40001 or 40014 or 42001 when !refreshed:
                    logger.LogWarning("WeChat {Path} refused the {App} access token ({ErrCode}); refreshing once", path, app, status.ErrCode);
                    await tokens.InvalidateAsync(app, token);
                    refreshed = true;
                    continue;
                case -1 when busy < BusyBackoff.Length:
                    await Task.Delay(BusyBackoff[busy++], ct);
                    continue;
                default:
                    throw Fail(path, status);
            }
        }
    }

    private T Ensure<T>(string api, T body) where T : WeChatResponse => body.ErrCode == 0 ? body : throw Fail(api, body);

    private WeChatApiException Fail(string api, WeChatResponse body)
    {
        var e = new WeChatApiException(api, body.ErrCode, body.ErrMsg ?? "");
        // errmsg carries WeChat's request id (rid), which its support asks for; it never holds our secrets.
        logger.LogWarning("WeChat {Api} failed: {ErrCode} ({Kind}) {ErrMsg}", api, body.ErrCode, e.Kind, body.ErrMsg);
        return e;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : WeChatResponse
    {
        if (!response.IsSuccessStatusCode)
            throw new WeChatApiException(response.RequestMessage?.RequestUri?.AbsolutePath ?? "?", -1, $"HTTP {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<T>(WeChatJson.Options, ct)
               ?? throw new WeChatApiException("?", -1, "empty response");
    }
}
