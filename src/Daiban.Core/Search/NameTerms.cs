using System.Text;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Search;

/// <summary>
/// One two-character piece of a name, so "part of a name" is an index lookup: MariaDB has no n-gram full-text
/// parser and <c>LIKE '%…%'</c> reads every name. A name that contains a text holds every piece of that text.
/// </summary>
public abstract class NameTerm<TOwner> where TOwner : class
{
    public long OwnerId { get; private set; }
    public TOwner? Owner { get; private set; }
    public string Term { get; private set; } = "";

    protected void Set(TOwner owner, string term)
    {
        Owner = owner;
        Term = term;
    }

    protected void Set(long ownerId, string term)
    {
        OwnerId = ownerId;
        Term = term;
    }
}

public sealed class EnterpriseNameTerm : NameTerm<Enterprise>
{
    private EnterpriseNameTerm() { }

    internal EnterpriseNameTerm(Enterprise owner, string term) => Set(owner, term);

    internal EnterpriseNameTerm(long ownerId, string term) => Set(ownerId, term);
}

public sealed class ProjectNameTerm : NameTerm<Project>
{
    private ProjectNameTerm() { }

    internal ProjectNameTerm(Project owner, string term) => Set(owner, term);

    internal ProjectNameTerm(long ownerId, string term) => Set(ownerId, term);
}

public sealed class ContactNameTerm : NameTerm<EnterpriseContact>
{
    private ContactNameTerm() { }

    internal ContactNameTerm(EnterpriseContact owner, string term) => Set(owner, term);

    internal ContactNameTerm(long ownerId, string term) => Set(ownerId, term);
}

/// <summary>The pieces of a name, and keeping them with the names a unit of work adds or changes.</summary>
public static class NameTerms
{
    /// <summary>
    /// The distinct two-character pieces of a text, folded (full-width letters and digits as
    /// half-width) and lower-cased, as the database's case-insensitive comparison treats them. A text of one
    /// character has none.
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var runes = text.Trim().EnumerateRunes().Select(Fold).ToList();
        var terms = new List<string>();
        for (var i = 0; i + 1 < runes.Count; i++)
        {
            var term = runes[i].ToString() + runes[i + 1];
            if (!terms.Contains(term, StringComparer.Ordinal))
                terms.Add(term);
        }
        return terms;
    }

    /// <summary>Full-width ASCII (Ａ, １) as half-width, capitals as small letters; done by hand because the app runs
    /// without ICU (invariant globalization), where Unicode normalization leaves text as it is.</summary>
    private static Rune Fold(Rune r)
    {
        if (r.Value is >= 0xFF01 and <= 0xFF5E)
            r = new Rune(r.Value - 0xFEE0);
        else if (r.Value == 0x3000)
            r = new Rune(' ');
        return Rune.ToLowerInvariant(r);
    }

    /// <summary>
    /// Before a save: the pieces of every name it adds or changes, added or removed in the same save (and so the
    /// same transaction). An added owner is reached through the term's navigation, so its new id is filled in.
    /// </summary>
    internal static async Task TrackAsync(DbContext db, CancellationToken ct)
    {
        // One look at the tracked entities (a change scan), not one per kind of name.
        var named = db.ChangeTracker.Entries()
            .Where(e => e.Entity is Enterprise or Project or EnterpriseContact
                && (e.State == EntityState.Added
                    || (e.State == EntityState.Modified && e.Property("Name").IsModified)))
            .ToList();
        foreach (var entry in named)
        {
            switch (entry.Entity)
            {
                case Enterprise e:
                    await TrackAsync(db, entry, e.Id, e.Name, t => new EnterpriseNameTerm(e, t), ct);
                    break;
                case Project p:
                    await TrackAsync(db, entry, p.Id, p.Name, t => new ProjectNameTerm(p, t), ct);
                    break;
                case EnterpriseContact c:
                    await TrackAsync(db, entry, c.Id, c.Name, t => new ContactNameTerm(c, t), ct);
                    break;
            }
        }
    }

    /// <summary>
    /// The pieces of names stored before pieces were kept (an upgraded database), in batches by id, each batch
    /// saved on its own. Names that have pieces already are left alone, so an interrupted fill can run again.
    /// </summary>
    public static async Task<int> FillAsync(DaibanDbContext db, CancellationToken ct)
    {
        var written = await FillAsync(db, after => db.Enterprises
            .Where(e => e.Id > after && !db.EnterpriseNameTerms.Any(t => t.OwnerId == e.Id))
            .OrderBy(e => e.Id).Take(FillBatch).Select(e => new Named(e.Id, e.Name)),
            (id, t) => new EnterpriseNameTerm(id, t), ct);
        written += await FillAsync(db, after => db.Projects
            .Where(p => p.Id > after && !db.ProjectNameTerms.Any(t => t.OwnerId == p.Id))
            .OrderBy(p => p.Id).Take(FillBatch).Select(p => new Named(p.Id, p.Name)),
            (id, t) => new ProjectNameTerm(id, t), ct);
        written += await FillAsync(db, after => db.EnterpriseContacts
            .Where(c => c.Id > after && !db.ContactNameTerms.Any(t => t.OwnerId == c.Id))
            .OrderBy(c => c.Id).Take(FillBatch).Select(c => new Named(c.Id, c.Name)),
            (id, t) => new ContactNameTerm(id, t), ct);
        return written;
    }

    private const int FillBatch = 1000;

    private sealed record Named(long Id, string Name);

    private static async Task<int> FillAsync<TTerm>(DaibanDbContext db, Func<long, IQueryable<Named>> unfilledAfter,
        Func<long, string, TTerm> create, CancellationToken ct) where TTerm : class
    {
        var written = 0;
        var after = 0L;
        while (true)
        {
            var batch = await unfilledAfter(after).ToListAsync(ct);
            if (batch.Count == 0)
                return written;
            var rows = batch.SelectMany(n => Of(n.Name).Select(t => create(n.Id, t))).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += rows.Count;
            after = batch[^1].Id;
        }
    }

    private static async Task TrackAsync<TTerm>(DbContext db,
        Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, long ownerId, string name,
        Func<string, TTerm> create, CancellationToken ct) where TTerm : class
    {
        var wanted = Of(name);
        var held = entry.State == EntityState.Added
            ? []
            : await db.Set<TTerm>().Where(t => EF.Property<long>(t, "OwnerId") == ownerId).ToListAsync(ct);
        var heldTerms = held.Select(t => db.Entry(t).Property<string>("Term").CurrentValue).ToList();
        db.RemoveRange(held.Where((_, i) => !wanted.Contains(heldTerms[i], StringComparer.Ordinal)));
        db.AddRange(wanted.Where(w => !heldTerms.Contains(w, StringComparer.Ordinal)).Select(create));
    }
}
