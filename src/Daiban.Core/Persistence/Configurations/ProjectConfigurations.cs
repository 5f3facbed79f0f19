using Daiban.Core.Enterprises;
using Daiban.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

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
        b.HasOne(p => p.NewEnterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.EnterpriseId);
    }
}
