using Daiban.Core.Enterprises;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("enterprises");
        b.Property(e => e.Name).HasMaxLength(128);
        b.Property(e => e.CreditCode)
            .HasConversion(c => c.Value, v => UnifiedSocialCreditCode.Parse(v))
            .HasMaxLength(18)
            .IsFixedLength();
        b.Property(e => e.Address).HasMaxLength(256);
        b.Property(e => e.LegalRepresentative).HasMaxLength(32);
        b.HasMany(e => e.Contacts).WithOne(c => c.Enterprise).HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(e => e.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(e => e.CreditCode).IsUnique();
    }
}

internal sealed class EnterpriseContactConfiguration : IEntityTypeConfiguration<EnterpriseContact>
{
    public void Configure(EntityTypeBuilder<EnterpriseContact> b)
    {
        b.ToTable("enterprise_contacts");
        b.Property(c => c.Name).HasMaxLength(32);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.MiniProgramOpenId).HasMaxLength(64);
        b.Property(c => c.ConfirmedBy).HasMaxLength(32);
        b.Property(c => c.EvidenceNote).HasMaxLength(256);
        b.Property(c => c.AuthorizationLetter).HasMaxLength(128);
        b.Property(c => c.ClosingReason).HasMaxLength(256);
        b.Property(c => c.ClosedBy).HasMaxLength(32);
        b.Ignore(c => c.PhoneVerified);
        // The window's queue of contacts to confirm.
        b.HasIndex(c => c.Status);
        b.HasIndex(c => new { c.EnterpriseId, c.MiniProgramOpenId }).IsUnique();
        b.HasIndex(c => c.MiniProgramOpenId);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.Property(p => p.Name).HasMaxLength(128);
        b.Property(p => p.ProjectCode).HasMaxLength(64);
        b.Property(p => p.Location).HasMaxLength(256);
        b.Property(p => p.ConstructionContent).HasMaxLength(2000);
        b.Property(p => p.ApprovalsObtained).HasMaxLength(1000);
        b.Property(p => p.ContactName).HasMaxLength(32);
        b.Property(p => p.ContactPhone).HasMaxLength(20);
        b.Property(p => p.Notes).HasMaxLength(1000);
        b.Property(p => p.CollectedBy).HasMaxLength(32);
        b.Ignore(p => p.Facts);
        b.Ignore(p => p.Category);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.EnterpriseId);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff");
        b.Property(s => s.UserName).HasMaxLength(32);
        b.Property(s => s.DisplayName).HasMaxLength(32);
        b.Property(s => s.Phone).HasMaxLength(20);
        b.Property(s => s.DepartmentCode).HasMaxLength(32);
        b.Property(s => s.PasswordHash).HasMaxLength(256);
        b.Property(s => s.OfficialAccountOpenId).HasMaxLength(64);
        b.Property(s => s.MiniProgramOpenId).HasMaxLength(64);
        b.Property(s => s.SkillStages).AsDelimited(128);
        b.Property(s => s.SkillDepartments).AsDelimited(512);
        b.HasIndex(s => s.UserName).IsUnique();
        b.HasIndex(s => s.OfficialAccountOpenId);
        b.HasIndex(s => s.MiniProgramOpenId);
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> b)
    {
        b.ToTable("staff_sessions");
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.EndReason).HasMaxLength(32);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.StaffId).OnDelete(DeleteBehavior.Cascade);
        // Ending a member's sessions finds the open ones.
        b.HasIndex(s => new { s.StaffId, s.EndedAt });
    }
}
