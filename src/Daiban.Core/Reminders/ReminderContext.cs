using Daiban.Core.Calendar;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>Who holds which role today, for reminders addressed to a role (the window, the supervisors).</summary>
public sealed record StaffDirectory(IReadOnlyList<StaffMember> Active)
{
    public IEnumerable<long> Supervisors => Active.Where(s => s.Has(StaffRoles.Supervisor)).Select(s => s.Id);
    public IEnumerable<long> Clerks => Active.Where(s => s.Has(StaffRoles.WindowClerk)).Select(s => s.Id);

    public IEnumerable<long> LiaisonsOf(string department) =>
        Active.Where(s => s.Has(StaffRoles.DepartmentLiaison) && s.DepartmentCode == department).Select(s => s.Id);

    /// <summary>The supervisor for the n-th task: tasks are spread over the supervisors in turn.</summary>
    public long? SupervisorFor(long n) => Supervisors.ToList() is { Count: > 0 } all ? all[(int)(n % all.Count)] : null;

    public static async Task<StaffDirectory> LoadAsync(DaibanDbContext db, CancellationToken ct) =>
        new(await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct));
}

/// <summary>What one reminder run knows: the day on the business calendar, the rules, the staff, and where notices go.</summary>
public sealed class ReminderContext(DaibanDbContext db, BusinessCalendar calendar, ServiceRules rules, StaffDirectory staff, DateTimeOffset now)
{
    private readonly List<Notification> _queued = [];
    private readonly Notices _notices = db.Notices();

    public DaibanDbContext Db => db;
    public BusinessCalendar Calendar => calendar;
    public ServiceRules Rules => rules;
    public StaffDirectory Staff => staff;
    public DateTimeOffset Now => now;
    public DateOnly Today { get; } = ChinaTime.DateOf(now);

    public static async Task<ReminderContext> CreateAsync(DaibanDbContext db, ServiceRules rules, DateTimeOffset now, CancellationToken ct) =>
        new(db, await db.LoadBusinessCalendarAsync(ct), rules, await StaffDirectory.LoadAsync(db, ct), now);

    /// <summary>A template message to a staff member (Official Account; in-app when not bound).</summary>
    public void ToStaff(string key, long staffId, string template, string title, NoticeFields fields,
        NoticeTarget target, long? caseId) =>
        _queued.Add(_notices.ToStaff($"{key}:s{staffId}", staffId, template, title, fields, target, caseId, now));

    /// <summary>A subscribe message to an enterprise contact (in-app when it has no quota for the template).</summary>
    public void ToContact(string key, long contactId, string template, string title, NoticeFields fields,
        NoticeTarget target, long? caseId) =>
        _queued.Add(_notices.ToContact($"{key}:c{contactId}", contactId, template, title, fields, target, caseId, now));

    /// <summary>Queues what the rules produced; keys already in the outbox are skipped, so a second run adds nothing.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var added = await db.AddManyOnceAsync(_queued, ct);
        _queued.Clear();
        await db.SaveChangesAsync(ct);
        return added;
    }
}
