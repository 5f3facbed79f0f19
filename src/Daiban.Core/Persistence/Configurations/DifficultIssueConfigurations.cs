using Daiban.Core.Cases;
using Daiban.Core.DifficultIssues;
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
