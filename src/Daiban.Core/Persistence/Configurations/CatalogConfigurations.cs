using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.Property(d => d.Code).HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.ShortName).HasMaxLength(32);
        b.HasIndex(d => d.Code).IsUnique();
    }
}

internal sealed class ApprovalItemConfiguration : IEntityTypeConfiguration<ApprovalItem>
{
    public void Configure(EntityTypeBuilder<ApprovalItem> b)
    {
        b.ToTable("approval_items");
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Name).HasMaxLength(128);
        b.Property(i => i.DepartmentCode).HasMaxLength(32);
        b.Property(i => i.ImplementingBody).HasMaxLength(128);
        b.Property(i => i.LegalBasis).HasMaxLength(500);
        b.Property(i => i.ExcludedTimeNote).HasMaxLength(500);
        b.Property(i => i.ResultDocument).HasMaxLength(128);
        b.Property(i => i.ResultValidity).HasMaxLength(256);
        b.Property(i => i.ParallelGroup).HasMaxLength(64);
        b.Property(i => i.MergedInto).HasMaxLength(32);
        b.Property(i => i.Notes).HasMaxLength(2000);
        b.Property(i => i.Source).HasMaxLength(256);
        b.Property(i => i.Prerequisites).AsDelimited(512);
        b.ComplexProperty(i => i.StatutoryLimit, l =>
        {
            l.Property(x => x.Value).HasColumnName("StatutoryLimitValue");
            l.Property(x => x.Unit).HasColumnName("StatutoryLimitUnit");
        });
        b.OwnsMany(i => i.Materials, m =>
        {
            m.ToTable("approval_item_materials");
            m.WithOwner().HasForeignKey("ApprovalItemId");
            m.Property<long>("Id");
            m.HasKey("Id");
            m.Property(x => x.Name).HasMaxLength(128);
            m.Property(x => x.Note).HasMaxLength(500);
        });
        b.Navigation(i => i.Materials).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(i => i.Code).IsUnique();
        b.HasIndex(i => new { i.Stage, i.SortOrder });
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.Property(d => d.Name).HasMaxLength(32);
        b.HasIndex(d => d.Date).IsUnique();
    }
}
