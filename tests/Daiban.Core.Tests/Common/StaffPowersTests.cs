using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Staff;

namespace Daiban.Core.Tests.Common;

/// <summary>
/// The one staff access rule gives, for cases and ledger issues, the answers the two separate checks gave before
/// (the console's claims check for cases, the ledger's reloaded staff member for issues).
/// </summary>
public sealed class StaffPowersTests
{
    private const long Me = 7;
    private const long Other = 9;

    private static StaffPowers As(string who) => who switch
    {
        "agent" => new(Me, StaffRoles.Agent, null),
        "window" => new(Me, StaffRoles.WindowClerk, null),
        "supervisor" => new(Me, StaffRoles.Supervisor, null),
        "admin" => new(Me, StaffRoles.Admin, null),
        "liaison" => new(Me, StaffRoles.DepartmentLiaison, "ZJJ"),
        "other-liaison" => new(Me, StaffRoles.DepartmentLiaison, "SWJ"),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    private static DifficultIssue Issue() =>
        new(1, null, "施工许可前置条件需协调", "ZJJ", null, new DateOnly(2026, 3, 20), Actor.System, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    // who, case agent, sees, works (as the agent), works or is the window
    [InlineData("agent", Me, true, true, true)]
    [InlineData("agent", Other, false, false, false)]
    [InlineData("window", Other, true, false, true)]
    [InlineData("supervisor", Other, true, false, false)]
    [InlineData("admin", Other, true, true, true)]
    [InlineData("liaison", Other, false, false, false)]
    public void OnACase(string who, long agentId, bool sees, bool works, bool worksOrWindow)
    {
        var me = As(who);

        Assert.Equal((sees, works, worksOrWindow), (me.MaySeeCase(agentId), me.WorksCase(agentId), me.WorksCaseOrWindow(agentId)));
    }

    [Theory]
    // who, the issue's case agent, sees, works, may raise issues at all
    [InlineData("agent", Me, true, true, true)]
    [InlineData("agent", Other, false, false, true)]
    [InlineData("window", Other, true, true, true)]
    [InlineData("supervisor", Other, true, false, false)]
    [InlineData("admin", Other, true, true, true)]
    [InlineData("liaison", Other, true, true, false)]
    [InlineData("other-liaison", Other, false, false, false)]
    public void OnALedgerIssue(string who, long caseAgentId, bool sees, bool works, bool raises)
    {
        var me = As(who);
        var issue = Issue();

        Assert.Equal((sees, works, raises), (IssueAccess.MaySee(me, issue, caseAgentId), IssueAccess.MayWork(me, issue, caseAgentId),
            me.RaisesIssues));
    }

    [Fact]
    public void AMemberWithSeveralRoles_HoldsTheUnionOfTheirPowers()
    {
        var agentAndLiaison = new StaffPowers(Me, StaffRoles.Agent | StaffRoles.DepartmentLiaison, "ZJJ");

        Assert.Equal((true, true, false), (IssueAccess.MayWork(agentAndLiaison, Issue(), Other), agentAndLiaison.RaisesIssues,
            agentAndLiaison.MaySeeCase(Other)));
    }
}
