using Daiban.Core.Cases;
using Daiban.Core.Enterprises;
using Daiban.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.Property(c => c.CaseNumber).HasMaxLength(24);
        b.Property(c => c.ScopeStages).AsDelimited(128);
        b.Property(c => c.RequestedMaterials).AsDelimited(LogEntry.MaxContentLength, '\n');
        b.Property(c => c.Request).HasMaxLength(1000);
        b.Property(c => c.IdempotencyKey).HasMaxLength(64);
        b.Property(c => c.AgentName).HasMaxLength(32);
        b.Property(c => c.ClosingReason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CurrentPlan);

        b.HasOne(c => c.NewEnterprise).WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.NewProject).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.NewApplicant).WithMany().HasForeignKey(c => c.ApplicantContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Plans).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Log).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Materials).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Parcels).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Delivery).WithOne().HasForeignKey<Delivery>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Evaluation).WithOne().HasForeignKey<Evaluation>(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Case.Items), nameof(Case.Transitions), nameof(Case.Assignments), nameof(Case.Plans), nameof(Case.Log), nameof(Case.Materials), nameof(Case.Parcels) })
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(c => c.CaseNumber).IsUnique();
        b.HasIndex(c => new { c.EnterpriseId, c.Status });
        b.HasIndex(c => new { c.AgentId, c.Status });
        b.HasIndex(c => new { c.Status, c.UpdatedAt });
        b.HasIndex(c => new { c.UrgencyDate, c.Id });
        b.HasIndex(c => new { c.ApplicantContactId, c.IdempotencyKey }).IsUnique();
    }
}

internal sealed class CaseNumberDayConfiguration : IEntityTypeConfiguration<CaseNumberDay>
{
    public void Configure(EntityTypeBuilder<CaseNumberDay> b)
    {
        b.ToTable("case_number_days");
        b.HasKey(d => d.Day);
        b.Property(d => d.Day).ValueGeneratedNever();
    }
}

internal sealed class CaseItemConfiguration : IEntityTypeConfiguration<CaseItem>
{
    public void Configure(EntityTypeBuilder<CaseItem> b)
    {
        b.ToTable("case_items");
        b.Property(i => i.ItemCode).HasMaxLength(32);
        b.Property(i => i.ItemName).HasMaxLength(128);
        b.Property(i => i.DepartmentCode).HasMaxLength(32);
        b.Property(i => i.ImplementingBody).HasMaxLength(128);
        b.Property(i => i.DepartmentReference).HasMaxLength(64);
        b.Property(i => i.ResultDocumentNo).HasMaxLength(64);
        b.Property(i => i.DecisionNote).HasMaxLength(1000);
        b.HasMany(i => i.Pauses).WithOne().HasForeignKey("CaseItemId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Pauses).UsePropertyAccessMode(PropertyAccessMode.Field);
        // "Items due within N working days" is a range scan on this index, never a scan of every open item.
        b.Ignore(i => i.DeadlineActive);
        b.HasIndex(i => i.RunningDueOn);
        b.HasIndex(i => new { i.DepartmentCode, i.Status });
    }
}

internal sealed class ClockPauseConfiguration : IEntityTypeConfiguration<ClockPause>
{
    public void Configure(EntityTypeBuilder<ClockPause> b)
    {
        b.ToTable("case_item_clock_pauses");
        b.Property(p => p.Note).HasMaxLength(500);
    }
}

internal sealed class CaseTransitionConfiguration : IEntityTypeConfiguration<CaseTransition>
{
    public void Configure(EntityTypeBuilder<CaseTransition> b)
    {
        b.ToTable("case_transitions");
        b.Property(t => t.ActorName).HasMaxLength(64);
        b.Property(t => t.Reason).HasMaxLength(1000);
    }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.ToTable("case_assignments");
        b.Property(a => a.AgentName).HasMaxLength(32);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.AssignedBy).HasMaxLength(64);
        b.HasIndex(a => new { a.AgentId, a.EndedAt });
    }
}

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> b)
    {
        b.ToTable("service_plans");
        b.Property(p => p.Summary).HasMaxLength(2000);
        b.Property(p => p.ProposedByName).HasMaxLength(32);
        b.Property(p => p.DecidedByName).HasMaxLength(64);
        b.Property(p => p.DecisionComment).HasMaxLength(500);
        b.OwnsMany(p => p.Steps, s =>
        {
            s.ToTable("service_plan_steps");
            s.WithOwner().HasForeignKey("ServicePlanId");
            s.Property<long>("Id");
            s.HasKey("Id");
            s.Property(x => x.Description).HasMaxLength(500);
            s.Property(x => x.ItemCode).HasMaxLength(32);
        });
        b.Navigation(p => p.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => new { p.CaseId, p.Version }).IsUnique();
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> b)
    {
        b.ToTable("case_log_entries");
        b.Property(l => l.Content).HasMaxLength(LogEntry.MaxContentLength);
        b.Property(l => l.EnterpriseContent).HasMaxLength(LogEntry.MaxContentLength);
        b.Ignore(l => l.ForEnterprise);
        b.Property(l => l.Problems).HasMaxLength(1000);
        b.Property(l => l.NextStep).HasMaxLength(1000);
        b.Property(l => l.ItemCode).HasMaxLength(32);
        b.Property(l => l.ActorName).HasMaxLength(64);
        b.HasIndex(l => new { l.CaseId, l.At });
    }
}

internal sealed class MaterialRecordConfiguration : IEntityTypeConfiguration<MaterialRecord>
{
    public void Configure(EntityTypeBuilder<MaterialRecord> b)
    {
        b.ToTable("case_materials");
        b.Property(m => m.Name).HasMaxLength(128);
        b.Property(m => m.ItemCode).HasMaxLength(32);
        b.Property(m => m.FileReference).HasMaxLength(256);
        b.Property(m => m.ReceivedBy).HasMaxLength(64);
        b.Property(m => m.ReviewNote).HasMaxLength(500);
        b.Property(m => m.ForwardedToDepartment).HasMaxLength(32);
    }
}

internal sealed class ParcelConfiguration : IEntityTypeConfiguration<Parcel>
{
    public void Configure(EntityTypeBuilder<Parcel> b)
    {
        b.ToTable("case_parcels");
        b.Property(p => p.Contents).HasMaxLength(1000);
        b.Property(p => p.Carrier).HasMaxLength(32);
        b.Property(p => p.TrackingNumber).HasMaxLength(64);
        b.Property(p => p.SentBy).HasMaxLength(64);
        b.Property(p => p.ReceivedBy).HasMaxLength(64);
        b.HasIndex(p => new { p.CaseId, p.Direction, p.TrackingNumber }).IsUnique();
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("case_deliveries");
        b.Property(d => d.Documents).HasMaxLength(1000);
        b.Property(d => d.RecordedBy).HasMaxLength(64);
        b.Property(d => d.Carrier).HasMaxLength(32);
        b.Property(d => d.TrackingNumber).HasMaxLength(64);
        b.Property(d => d.SignedByName).HasMaxLength(32);
        b.Property(d => d.SignatureReference).HasMaxLength(256);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("case_evaluations");
        b.Property(e => e.Comment).HasMaxLength(500);
        b.Property(e => e.Suggestions).HasMaxLength(500);
        b.HasIndex(e => new { e.AgentId, e.EvaluatedAt });
        b.HasIndex(e => e.EvaluatedAt);
    }
}

internal sealed class CaseArchiveConfiguration : IEntityTypeConfiguration<CaseArchive>
{
    public void Configure(EntityTypeBuilder<CaseArchive> b)
    {
        b.ToTable("case_archives");
        b.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.EnterpriseContentHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.CompiledBy).HasMaxLength(64);
        b.HasOne<Case>().WithOne().HasForeignKey<CaseArchive>(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.CaseId).IsUnique();
    }
}
