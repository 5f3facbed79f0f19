using Daiban.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

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
