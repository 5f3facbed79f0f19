using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Daiban.WeChat.Emulator;

/// <summary>A message the application sent through the emulated WeChat, as tests read it from /_wx/test/messages.</summary>
public sealed record SentMessage(
    string Kind,
    string ToUser,
    string? TemplateId,
    JsonElement? Data,
    string? Page,
    string? MsgType,
    string? Content,
    DateTimeOffset Time);

public sealed record LoginCodeRequest([property: Required] string OpenId);

public sealed record LoginCodeResponse(string Code);

public sealed record PhoneCodeRequest([property: Required] string Phone, string? OpenId);

public sealed record SubscribeHookRequest([property: Required] string OpenId, [property: Required] string TemplateId,
    int Count = 1);

public sealed record FollowHookRequest([property: Required] string OpenId);

/// <param name="ErrCode">The errcode to answer (-1 busy, 45011 frequency limit …); 0 answers as usual.</param>
/// <param name="StallMs">Hold each answer this long first; longer than the client's timeout is a lost answer.</param>
public sealed record FaultHookRequest([property: Required] string Path, int ErrCode, int Times = 1, int StallMs = 0);

/// <param name="App">miniprogram (default) or officialaccount.</param>
public sealed record UserMessageRequest([property: Required] string OpenId, [property: Required] string Text,
    string? App = null);

/// <summary>What the push sender saw: how many deliveries it made and how our endpoint answered the last one.</summary>
public sealed record PushDeliveryReport(int Deliveries, int Status, string Verdict, string Body);
