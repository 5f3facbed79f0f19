using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

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
