using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Common;

/// <summary>
/// Which page of a staff list, checked the same way for every list: no list answers everything at once, and none
/// stops silently (every page comes with the total, see <see cref="Page{T}"/>).
/// </summary>
public readonly record struct PageSpec
{
    public const int MaxSize = 200;

    public int Number { get; }
    public int Size { get; }

    public PageSpec(int number, int size)
    {
        if (size is < 1 or > MaxSize)
            throw DomainRuleException.Invalid("page.size", $"每页条数应在1到{MaxSize}之间。");
        if (number is < 1 or > 100_000)
            throw DomainRuleException.Invalid("page.number", "页码应从1开始。");
        (Number, Size) = (number, size);
    }

    public static PageSpec Of(int? number, int? size) => new(number ?? 1, size ?? MaxSize);

    /// <summary>Whether rows follow this page.</summary>
    public bool HasMore(int total) => (long)Number * Size < total;

    /// <summary>
    /// Counts the matches, then reads this page of them in the order <paramref name="rows"/> gives (ordered on the
    /// matches themselves, so the count needs no ordering).
    /// </summary>
    public async Task<Page<T>> ReadAsync<TMatch, T>(IQueryable<TMatch> matches,
        Func<IQueryable<TMatch>, IQueryable<T>> rows, CancellationToken ct)
    {
        var total = await matches.CountAsync(ct);
        var page = await rows(matches).Skip((Number - 1) * Size).Take(Size).ToListAsync(ct);
        return new Page<T>(page, total);
    }
}

/// <summary>One page of a list and how many rows the whole list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Rows, int Total)
{
    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new(Rows.Select(map).ToList(), Total);
}
