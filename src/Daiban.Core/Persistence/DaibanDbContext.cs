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
