using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.DeduplicationKey).HasMaxLength(128);
        b.Property(n => n.TemplateKey).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(128);
        b.Property(n => n.DataJson).HasMaxLength(4000);
        b.Property(n => n.FieldsJson).HasMaxLength(4000);
        b.Ignore(n => n.Target);
        b.Ignore(n => n.Fields);
        b.Property(n => n.LastError).HasMaxLength(500);
        b.HasIndex(n => n.DeduplicationKey).IsUnique();
        b.HasIndex(n => new { n.Status, n.NextAttemptAt });
        b.HasIndex(n => new { n.RecipientKind, n.RecipientId, n.CreatedAt });
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
