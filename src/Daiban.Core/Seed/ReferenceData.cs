using System.Text.Json;
using System.Text.Json.Serialization;
using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Consultation;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Seed;

/// <summary>
/// Seeds the reference data every installation needs: departments, the approval-item catalogue and the holiday
/// table, from JSON shipped with Core. It only adds what is missing, so an admin's later edits are never undone.
/// </summary>
public static class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> SeedAsync(DaibanDbContext db, CancellationToken ct)
    {
        var catalog = Load<CatalogFile>("catalog.json");
        var added = 0;

        var departments = await db.Departments.Select(d => d.Code).ToListAsync(ct);
        foreach (var d in catalog.Departments.Where(d => !departments.Contains(d.Code)))
        {
            db.Departments.Add(new Department(d.Code, d.Name, d.ShortName));
            added++;
        }

        var items = await db.ApprovalItems.Select(i => i.Code).ToListAsync(ct);
        var order = 0;
        foreach (var i in catalog.Items)
        {
            order++;
            if (items.Contains(i.Code))
                continue;
            db.ApprovalItems.Add(i.ToEntity(order));
            added++;
        }

        var faq = await db.FaqEntries.Select(f => f.Key).ToListAsync(ct);
        foreach (var f in Load<FaqFile>("faq.json").Entries.Where(f => !faq.Contains(f.Id)))
        {
            db.FaqEntries.Add(f.ToEntity());
            added++;
        }

        var days = await db.CalendarDays.Select(d => d.Date).ToListAsync(ct);
        foreach (var day in ShippedCalendarDays().Where(d => !days.Contains(d.Date)))
        {
            db.CalendarDays.Add(day);
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The holiday table shipped with Daiban (2025 and 2026 State Council notices).</summary>
    public static IReadOnlyList<CalendarDay> ShippedCalendarDays() =>
        Load<HolidayFile>("holidays.json").Holidays.SelectMany(h => h.Days()).ToList();

    /// <summary>The approval-item catalogue shipped with Daiban, as entities not yet saved.</summary>
    public static IReadOnlyList<ApprovalItem> ShippedCatalog() =>
        Load<CatalogFile>("catalog.json").Items.Select((i, n) => i.ToEntity(n + 1)).ToList();

    /// <summary>The FAQ shipped with Daiban, as entities not yet saved.</summary>
    public static IReadOnlyList<FaqEntry> ShippedFaq() =>
        Load<FaqFile>("faq.json").Entries.Select(f => f.ToEntity()).ToList();

    public static IReadOnlyList<Department> ShippedDepartments() =>
        Load<CatalogFile>("catalog.json").Departments.Select(d => new Department(d.Code, d.Name, d.ShortName)).ToList();

    internal static T Load<T>(string name)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Seed file {name} is empty.");
    }

    internal static string LoadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    private static Stream Open(string name)
    {
        var assembly = typeof(ReferenceData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(resource)!;
    }

    private sealed record CatalogFile(List<DepartmentRow> Departments, List<ItemRow> Items);

    private sealed record DepartmentRow(string Code, string Name, string? ShortName);

    private sealed record MaterialRow(string Name, bool Core, bool Deferrable, string? Note);

    private sealed record LimitRow(int? Value, TimeLimitUnit Unit);

    private sealed record ItemRow(
        string Code, string Name, Stage Stage, string Department, string ImplementingBody, string? LegalBasis,
        LimitRow? StatutoryLimit, int? PromisedDays, string? ExcludedTimeNote, List<ProjectCategories>? Categories,
        List<string>? Prerequisites, string? ResultDocument, string? ResultValidity, bool InformedCommitment,
        string? ParallelGroup, bool JointAcceptance, bool JointDrawingReview, string? MergedInto, string? Notes,
        string? Source, List<MaterialRow>? Materials)
    {
        public ApprovalItem ToEntity(int order)
        {
            var item = new ApprovalItem(Code, Name, Stage, Department, ImplementingBody)
            {
                SortOrder = order,
                LegalBasis = LegalBasis,
                StatutoryLimit = StatutoryLimit is null ? TimeLimit.NotFixed : new TimeLimit(StatutoryLimit.Value, StatutoryLimit.Unit),
                PromisedDays = PromisedDays,
                ExcludedTimeNote = ExcludedTimeNote,
                ApplicableCategories = Categories is { Count: > 0 } ? Categories.Aggregate(ProjectCategories.None, (a, c) => a | c) : ProjectCategories.All,
                Prerequisites = Prerequisites ?? [],
                ResultDocument = ResultDocument,
                ResultValidity = ResultValidity,
                InformedCommitment = InformedCommitment,
                ParallelGroup = ParallelGroup,
                JointAcceptanceMember = JointAcceptance,
                JointDrawingReviewMember = JointDrawingReview,
                MergedInto = MergedInto,
                Notes = Notes,
                Source = Source,
            };
            item.ReplaceMaterials((Materials ?? []).Select(m => new ItemMaterial(m.Name, m.Core, m.Deferrable, m.Note)));
            return item;
        }
    }

    private sealed record FaqFile(List<FaqRow> Entries);

    private sealed record FaqRow(string Id, string Topic, string Question, List<string>? Alternates, string Answer, string? Source)
    {
        public FaqEntry ToEntity() => new(Id, Topic, Question, Alternates ?? [], Answer, Source, Actor.System, DateTimeOffset.UnixEpoch);
    }

    private sealed record HolidayFile(List<HolidayRow> Holidays);

    private sealed record HolidayRow(string Name, DateOnly From, DateOnly To, List<DateOnly> Workdays)
    {
        public IEnumerable<CalendarDay> Days()
        {
            for (var d = From; d <= To; d = d.AddDays(1))
                yield return new CalendarDay(d, CalendarDayKind.Holiday, Name);
            foreach (var w in Workdays)
                yield return new CalendarDay(w, CalendarDayKind.MakeUpWorkday, $"{Name}调休上班");
        }
    }
}
