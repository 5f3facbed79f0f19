using Daiban.Core.Consultation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> b)
    {
        b.ToTable("faq_entries");
        b.Property(f => f.Key).HasMaxLength(64);
        b.Property(f => f.Topic).HasMaxLength(32);
        b.Property(f => f.Question).HasMaxLength(200);
        b.Property(f => f.Alternates).HasMaxLength(6500);
        b.Property(f => f.Answer).HasMaxLength(2000);
        b.Property(f => f.Source).HasMaxLength(200);
        b.Property(f => f.UpdatedBy).HasMaxLength(64);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.AlternateList);
        b.HasIndex(f => f.Key).IsUnique();
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("conversations");
        b.Property(c => c.Key).HasMaxLength(96);
        b.Property(c => c.OpenId).HasMaxLength(64);
        b.Property(c => c.WeChatApp).HasMaxLength(32);
        b.Property(c => c.AgentName).HasMaxLength(64);
        b.Property(c => c.HandoffReason).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => c.Key).IsUnique();
        b.HasIndex(c => new { c.Status, c.AgentId });
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> b)
    {
        b.ToTable("conversation_messages");
        b.Property(m => m.Text).HasMaxLength(2000);
        b.Property(m => m.Intent).HasMaxLength(32);
        b.Property(m => m.Sources).HasMaxLength(2000);
        b.Property(m => m.ExternalId).HasMaxLength(64);
        b.HasIndex(m => new { m.ConversationId, m.ExternalId });
    }
}
