using Daiban.Core.Cases;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

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
