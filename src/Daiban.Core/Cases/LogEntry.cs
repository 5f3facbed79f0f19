using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public enum LogKind
{
    /// <summary>Work recorded by the agent (attachment 2).</summary>
    Work,
    /// <summary>A stage milestone (阶段性关键节点).</summary>
    Milestone,
    /// <summary>Written by the system when the case or an item changes.</summary>
    System,
}

public static class LogKinds
{
    public static string Name(this LogKind kind) => kind switch
    {
        LogKind.Work => "工作记录",
        LogKind.Milestone => "关键节点",
        LogKind.System => "系统记录",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A line of the 重点项目帮办代办包办日志 (attachment 2): date, item, work done, problems met, next step, agent.
/// Every mutation of a case writes one, so the log is complete by construction.
/// </summary>
public sealed class LogEntry
{
    private LogEntry() { }

    /// <summary>The declared length of <see cref="Content"/> (and of its column).</summary>
    public const int MaxContentLength = 2000;

    internal LogEntry(LogKind kind, string content, string? problems, string? nextStep, string? itemCode,
        bool visibleToEnterprise, Actor by, DateTimeOffset at, string? enterpriseContent = null)
    {
        Kind = kind;
        Content = content;
        EnterpriseContent = visibleToEnterprise && enterpriseContent != content ? enterpriseContent : null;
        Problems = problems;
        NextStep = nextStep;
        ItemCode = itemCode;
        VisibleToEnterprise = visibleToEnterprise;
        ActorKind = by.Kind;
        ActorId = by.Id;
        ActorName = by.Name;
        At = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public LogKind Kind { get; private set; }
    public string Content { get; private set; } = "";
    public string? Problems { get; private set; }
    public string? NextStep { get; private set; }
    public string? ItemCode { get; private set; }
    public bool VisibleToEnterprise { get; private set; }
    /// <summary>
    /// The line in words meant for the enterprise when the staff's differs (no routing reasons or loads, department
    /// names not codes); null means <see cref="Content"/> is already fit for it.
    /// </summary>
    public string? EnterpriseContent { get; private set; }

    /// <summary>What the enterprise reads of this entry, or null when it is internal.</summary>
    public string? ForEnterprise => VisibleToEnterprise ? EnterpriseContent ?? Content : null;
    public ActorKind ActorKind { get; private set; }
    public long? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
