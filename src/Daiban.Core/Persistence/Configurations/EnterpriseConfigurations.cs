using Daiban.Core.Enterprises;
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
        // The clerk's search by the caller's phone number.
        b.HasIndex(c => c.Phone);
    }
}
