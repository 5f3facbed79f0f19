using Daiban.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

/// <summary>
/// A name's pieces keyed by piece first: the rows holding a piece are one index range, and an owner's pieces (to
/// change them with the name) are found by the owner index.
/// </summary>
internal abstract class NameTermConfiguration<TTerm, TOwner>(string table) : IEntityTypeConfiguration<TTerm>
    where TTerm : NameTerm<TOwner> where TOwner : class
{
    public void Configure(EntityTypeBuilder<TTerm> b)
    {
        b.ToTable(table);
        b.HasKey(t => new { t.Term, t.OwnerId });
        b.Property(t => t.Term).HasMaxLength(2);
        b.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.OwnerId);
    }
}

internal sealed class EnterpriseNameTermConfiguration()
    : NameTermConfiguration<EnterpriseNameTerm, Enterprises.Enterprise>("enterprise_name_terms");

internal sealed class ProjectNameTermConfiguration()
    : NameTermConfiguration<ProjectNameTerm, Projects.Project>("project_name_terms");

internal sealed class ContactNameTermConfiguration()
    : NameTermConfiguration<ContactNameTerm, Enterprises.EnterpriseContact>("contact_name_terms");
