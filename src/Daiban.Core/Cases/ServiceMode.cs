namespace Daiban.Core.Cases;

/// <summary>The policy's three depths of service (二.4).</summary>
public enum ServiceMode
{
    /// <summary>帮办: coaching, forms, materials, problems, free two-way mailing.</summary>
    Help,
    /// <summary>代办: the agent files one item, several items or one stage.</summary>
    Agency,
    /// <summary>包办: the agent handles the whole four-stage chain after a plan both sides agree.</summary>
    FullService,
}

public static class ServiceModeNames
{
    public static string Name(this ServiceMode mode) => mode switch
    {
        ServiceMode.Help => "帮办",
        ServiceMode.Agency => "代办",
        ServiceMode.FullService => "包办",
        _ => mode.ToString(),
    };

    public static string Name(this ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.Online => "线上申请",
        ApplicationChannel.WalkIn => "窗口申请",
        _ => channel.ToString(),
    };

    /// <summary>Relative work an open case of this mode puts on an agent; routing weighs load with it.</summary>
    public static int LoadWeight(this ServiceMode mode) => mode switch
    {
        ServiceMode.Help => 1,
        ServiceMode.Agency => 2,
        _ => 4,
    };
}

public enum ApplicationChannel
{
    /// <summary>Applied in the mini-program.</summary>
    Online,
    /// <summary>Walked in to the 投资建设综合窗口.</summary>
    WalkIn,
}
