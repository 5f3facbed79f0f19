using Daiban.Core.Calendar;
using Daiban.Core.Notifications;

namespace Daiban.Core.Tests.Notifications;

public class NoticeFieldsTests
{
    [Fact]
    public void Line_GivesWhatAndByWhen_ButNotTheTimeTheListAlreadyShows()
    {
        var fields = new NoticeFields
        {
            CaseNumber = "DB20261203-000001", Summary = "请补正材料",
            Deadline = new DateOnly(2026, 12, 8), At = new DateTimeOffset(2026, 12, 3, 2, 30, 0, TimeSpan.Zero),
        };

        var line = fields.Line();

        Assert.Equal("DB20261203-000001 · 请补正材料 · " + ChinaTime.Display(new DateOnly(2026, 12, 8)), line);
        Assert.DoesNotContain(ChinaTime.Display(fields.At!.Value), line);
    }
}
