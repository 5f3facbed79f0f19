using Daiban.Core.Persistence;

namespace Daiban.Core.Reminders;

/// <summary>
/// The three runs the scheduler starts (Daiban.Jobs), each a fixed sequence of rules over one
/// <see cref="ReminderContext"/>: the reminder sweep and the digest on working days only, the spot-check draw weekly.
/// Each returns how many notifications (or callbacks) it added; a second run at the same time adds none.
/// </summary>
public static class ReminderSweeps
{
    public static async Task<int> RemindersAsync(DaibanDbContext db, ServiceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var ctx = await ReminderContext.CreateAsync(db, rules, now, ct);
        if (!ctx.Calendar.IsWorkingDay(ctx.Today))
            return 0;
        await ItemDeadlineReminders.RunAsync(ctx, ct);
        await ServiceTimelinessReminders.RunAsync(ctx, ct);
        await LedgerReminders.RunAsync(ctx, ct);
        await MaterialsReminders.RunAsync(ctx, ct);
        await EvaluationFollowUp.RunAsync(ctx, ct);
        return await ctx.FlushAsync(ct);
    }

    public static async Task<int> DigestAsync(DaibanDbContext db, ServiceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var ctx = await ReminderContext.CreateAsync(db, rules, now, ct);
        if (!ctx.Calendar.IsWorkingDay(ctx.Today))
            return 0;
        await DailyDigest.RunAsync(ctx, ct);
        return await ctx.FlushAsync(ct);
    }

    public static async Task<int> SpotCheckAsync(DaibanDbContext db, ServiceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var ctx = await ReminderContext.CreateAsync(db, rules, now, ct);
        var created = await SpotCheckCallbacks.RunAsync(ctx, ct);
        await ctx.FlushAsync(ct);
        return created;
    }
}
