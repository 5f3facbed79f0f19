using Daiban.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class MiniProgramUserConfiguration : IEntityTypeConfiguration<MiniProgramUser>
{
    public void Configure(EntityTypeBuilder<MiniProgramUser> b)
    {
        b.ToTable("mini_program_users");
        b.Property(u => u.OpenId).HasMaxLength(64);
        b.Property(u => u.UnionId).HasMaxLength(64);
        b.Property(u => u.SessionKeyCipher).HasMaxLength(256);
        b.Property(u => u.Phone).HasMaxLength(20);
        b.HasIndex(u => u.OpenId).IsUnique();
        b.HasIndex(u => u.UnionId);
    }
}
