using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Api;

/// <summary>
/// msg_sec_check (v2) on a WeChat user's text before the bot answers it. Only "pass" passes; "review" and "risky"
/// are refused. When WeChat cannot be reached the question is answered anyway: the bot only ever replies with its
/// own knowledge base, so nothing the user wrote is published.
/// </summary>
public sealed class ContentCheck(WeChatApiClient wechat, IOptions<WeChatOptions> options, ILogger<ContentCheck> logger)
{
    public const string RefusedText = "您的消息未通过内容安全检查，请修改后再问。";

    private bool Enabled => options.Value.ContentCheck ?? !options.Value.EmulatorEnabled;

    public async Task<bool> PassesAsync(string text, string? openId, CancellationToken ct)
    {
        if (!Enabled || openId is null)
            return true;
        try
        {
            var result = await wechat.CheckTextAsync(new MsgSecCheckRequest(text, openId, Scene: 2), ct);
            return result.Result?.Suggest == "pass";
        }
        catch (WeChatApiException e)
        {
            logger.LogWarning("msg_sec_check failed ({ErrCode}); answering without it", e.ErrCode);
            return true;
        }
    }
}
