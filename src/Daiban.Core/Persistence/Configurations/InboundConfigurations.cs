using Daiban.Core.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.ToTable("inbound_messages");
        b.Property(m => m.Channel).HasMaxLength(24);
        b.Property(m => m.DeduplicationKey).HasMaxLength(191);
        b.Property(m => m.FromUser).HasMaxLength(64);
        b.Property(m => m.MsgType).HasMaxLength(32);
        b.Property(m => m.Event).HasMaxLength(64);
        b.Property(m => m.Content).HasMaxLength(2000);
        b.Property(m => m.PayloadJson).HasMaxLength(8000);
        b.Property(m => m.Outcome).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.Property(m => m.ClaimToken).HasMaxLength(32);
        b.Ignore(m => m.IsPending);
        b.HasIndex(m => m.DeduplicationKey).IsUnique();
        b.HasIndex(m => new { m.ProcessedAt, m.ReceivedAt });
    }
}
