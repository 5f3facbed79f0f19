using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Daiban.Core.Persistence;

/// <summary>Small lists of codes stored as one comma-separated column, the same way on every provider.</summary>
internal static class ListConversions
{
    /// <param name="separator">A character the values never hold: a comma for codes, a line break for names.</param>
    public static PropertyBuilder<List<string>> AsDelimited(this PropertyBuilder<List<string>> property, int maxLength,
        char separator = ',') =>
        property.HasConversion(
                v => string.Join(separator, v),
                v => v.Length == 0 ? new List<string>() : v.Split(separator, StringSplitOptions.None).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()))
            .HasMaxLength(maxLength);

    public static PropertyBuilder<List<TEnum>> AsDelimited<TEnum>(this PropertyBuilder<List<TEnum>> property, int maxLength)
        where TEnum : struct, Enum =>
        property.HasConversion(
                v => string.Join(',', v.Select(e => e.ToString())),
                v => v.Length == 0 ? new List<TEnum>() : v.Split(',', StringSplitOptions.None).Select(Enum.Parse<TEnum>).ToList(),
                new ValueComparer<List<TEnum>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())), v => v.ToList()))
            .HasMaxLength(maxLength);

    public static PropertyBuilder<List<long>> AsDelimited(this PropertyBuilder<List<long>> property, int maxLength) =>
        property.HasConversion(
                v => string.Join(',', v),
                v => v.Length == 0 ? new List<long>() : v.Split(',', StringSplitOptions.None).Select(long.Parse).ToList(),
                new ValueComparer<List<long>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())), v => v.ToList()))
            .HasMaxLength(maxLength);
}
