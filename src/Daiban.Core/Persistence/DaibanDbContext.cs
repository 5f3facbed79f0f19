using Daiban.Core.Auditing;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Enterprises;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Notifications;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Persistence;

/// <summary>
/// The one model of Daiban. Each provider has an empty subclass (<see cref="MySqlDaibanDbContext"/>,
/// <see cref="SqliteDaibanDbContext"/>) so each keeps its own migration set; code depends on this type only.
/// </summary>
public abstract class DaibanDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ApprovalItem> ApprovalItems => Set<ApprovalItem>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseContact> EnterpriseContacts => Set<EnterpriseContact>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Search.EnterpriseNameTerm> EnterpriseNameTerms => Set<Search.EnterpriseNameTerm>();
    public DbSet<Search.ProjectNameTerm> ProjectNameTerms => Set<Search.ProjectNameTerm>();
    public DbSet<Search.ContactNameTerm> ContactNameTerms => Set<Search.ContactNameTerm>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseItem> CaseItems => Set<CaseItem>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<CaseArchive> CaseArchives => Set<CaseArchive>();
    public DbSet<JointReviewMeeting> Meetings => Set<JointReviewMeeting>();
    public DbSet<DifficultIssue> DifficultIssues => Set<DifficultIssue>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<TypicalCase> TypicalCases => Set<TypicalCase>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Inbound.InboundMessage> InboundMessages => Set<Inbound.InboundMessage>();
    public DbSet<Accounts.MiniProgramUser> MiniProgramUsers => Set<Accounts.MiniProgramUser>();
    public DbSet<SubscriptionQuota> SubscriptionQuotas => Set<SubscriptionQuota>();
    public DbSet<Consultation.FaqEntry> FaqEntries => Set<Consultation.FaqEntry>();
    public DbSet<Consultation.Conversation> Conversations => Set<Consultation.Conversation>();

    /// <summary>What this unit of work audits; written by its SaveChanges (<see cref="AuditingInterceptor"/>).</summary>
    public AuditTrail Audit { get; } = new();

    internal AuditState AuditState { get; } = new();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // Daiban saves asynchronously; a synchronous save (tools) numbers its cases the same way.
        SaveIndexedAsync(() => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None)
            .GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default) =>
        SaveIndexedAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    /// <summary>Names the save adds or changes keep their search pieces in the same save.</summary>
    private async Task<int> SaveIndexedAsync(Func<Task<int>> save, CancellationToken ct)
    {
        await Search.NameTerms.TrackAsync(this, ct);
        return await SaveNumberingAsync(save, ct);
    }

    /// <summary>
    /// A save that inserts cases numbers them first (before the interceptors, whose notices show the number), in
    /// the transaction that inserts them: the caller's, or one opened here. A failed save leaves them unnumbered.
    /// </summary>
    private async Task<int> SaveNumberingAsync(Func<Task<int>> save, CancellationToken ct)
    {
        var cases = ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Added && e.Entity.CaseNumber == "")
            .Select(e => e.Entity).ToList();
        if (cases.Count == 0)
            return await save();
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            await CaseNumbers.AssignAsync(this, cases, ct);
            var written = await save();
            if (owned is not null)
                await owned.CommitAsync(ct);
            return written;
        }
        catch
        {
            foreach (var @case in cases)
                @case.Numbered("");
            throw;
        }
        finally
        {
            if (owned is not null)
                await owned.DisposeAsync();
        }
    }

    // Here rather than in each registration: every context, however it is built, writes its audit trail.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(AuditingInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DaibanDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and safe when members are reordered.
        foreach (var enumType in typeof(DaibanDbContext).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("Daiban.Core", StringComparison.Ordinal) == true))
        {
            if (enumType.IsDefined(typeof(FlagsAttribute), false))
                continue;
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(32);
        }
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
