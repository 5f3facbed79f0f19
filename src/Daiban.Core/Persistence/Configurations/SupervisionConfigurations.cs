using Daiban.Core.Auditing;
using Daiban.Core.Cases;
using Daiban.Core.Meetings;
using Daiban.Core.Notifications;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class JointReviewMeetingConfiguration : IEntityTypeConfiguration<JointReviewMeeting>
{
    public void Configure(EntityTypeBuilder<JointReviewMeeting> b)
    {
        b.ToTable("joint_review_meetings");
        b.Property(m => m.Title).HasMaxLength(128);
        b.Property(m => m.Location).HasMaxLength(128);
        b.Property(m => m.DepartmentCodes).AsDelimited(512);
        b.Property(m => m.CaseIds).AsDelimited(1024);
        b.Property(m => m.Agenda).HasMaxLength(2000);
        b.Property(m => m.ConvenedBy).HasMaxLength(64);
        b.Property(m => m.Minutes).HasMaxLength(8000);
        b.Property(m => m.Decisions).HasMaxLength(4000);
        b.HasIndex(m => m.ScheduledAt);
    }
}

internal sealed class DifficultIssueConfiguration : IEntityTypeConfiguration<DifficultIssue>
{
    public void Configure(EntityTypeBuilder<DifficultIssue> b)
    {
        b.ToTable("difficult_issues");
        b.Property(i => i.Description).HasMaxLength(2000);
        b.Property(i => i.ResponsibleDepartment).HasMaxLength(32);
        b.Property(i => i.Progress).HasMaxLength(2000);
        b.Property(i => i.Resolution).HasMaxLength(2000);
        b.Property(i => i.RaisedBy).HasMaxLength(64);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JointReviewMeeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.Status, i.Deadline });
        b.HasIndex(i => new { i.ResponsibleDepartment, i.Status });
    }
}

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> b)
    {
        b.ToTable("callbacks");
        b.Property(c => c.Result).HasMaxLength(2000);
        b.Property(c => c.CalledBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Status, c.DueOn });
        b.HasIndex(c => new { c.CaseId, c.Kind });
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("rectifications");
        b.Property(r => r.Findings).HasMaxLength(2000);
        b.Property(r => r.Measures).HasMaxLength(2000);
        b.Property(r => r.FeedbackToEnterprise).HasMaxLength(2000);
        b.Property(r => r.ClosedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.EvaluationId).IsUnique();
        b.HasIndex(r => new { r.Status, r.Deadline });
    }
}

internal sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    public void Configure(EntityTypeBuilder<TypicalCase> b)
    {
        b.ToTable("typical_cases");
        b.Property(t => t.Title).HasMaxLength(128);
        b.Property(t => t.Summary).HasMaxLength(8000);
        b.Property(t => t.Highlights).HasMaxLength(4000);
        b.Property(t => t.CreatedBy).HasMaxLength(64);
        b.Ignore(t => t.IsPublished);
        b.HasIndex(t => t.PublishedAt);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.DeduplicationKey).HasMaxLength(128);
        b.Property(n => n.TemplateKey).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(128);
        b.Property(n => n.DataJson).HasMaxLength(4000);
        b.Property(n => n.Page).HasMaxLength(256);
        b.Property(n => n.LastError).HasMaxLength(500);
        b.HasIndex(n => n.DeduplicationKey).IsUnique();
        b.HasIndex(n => new { n.Status, n.NextAttemptAt });
        b.HasIndex(n => new { n.RecipientKind, n.RecipientId, n.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.ActorName).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(4000);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class SubscriptionQuotaConfiguration : IEntityTypeConfiguration<SubscriptionQuota>
{
    public void Configure(EntityTypeBuilder<SubscriptionQuota> b)
    {
        b.ToTable("subscription_quotas");
        b.Property(q => q.OpenId).HasMaxLength(64);
        b.Property(q => q.TemplateId).HasMaxLength(128);
        b.Property(q => q.Version).IsConcurrencyToken();
        b.HasIndex(q => new { q.OpenId, q.TemplateId }).IsUnique();
    }
}
