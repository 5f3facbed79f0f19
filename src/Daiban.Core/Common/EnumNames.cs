using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Enterprises;
using Daiban.Core.Projects;

namespace Daiban.Core.Common;

/// <summary>
/// The Chinese meaning of each value of the enums that leave the domain (in the API, the archive, the printed page):
/// every enum's own name table, gathered so that a reader of values it does not know (the OpenAPI document, the
/// archive page) finds them. An enum with a table missing here is not described.
/// </summary>
public static class EnumNames
{
    private static readonly Dictionary<Type, Func<Enum, string>> Tables = new()
    {
        [typeof(ServiceMode)] = v => ((ServiceMode)v).Name(),
        [typeof(ApplicationChannel)] = v => ((ApplicationChannel)v).Name(),
        [typeof(CaseStatus)] = v => ((CaseStatus)v).Name(),
        [typeof(CaseItemStatus)] = v => ((CaseItemStatus)v).Name(),
        [typeof(SatisfactionLevel)] = v => ((SatisfactionLevel)v).Name(),
        [typeof(PauseReason)] = v => ((PauseReason)v).Name(),
        [typeof(MaterialReview)] = v => ((MaterialReview)v).Name(),
        [typeof(ParcelDirection)] = v => ((ParcelDirection)v).Name(),
        [typeof(PlanDecision)] = v => ((PlanDecision)v).Name(),
        [typeof(DeliveryMethod)] = v => ((DeliveryMethod)v).Name(),
        [typeof(LogKind)] = v => ((LogKind)v).Name(),
        [typeof(Stage)] = v => ((Stage)v).Name(),
        [typeof(TimeLimitUnit)] = v => ((TimeLimitUnit)v).Name(),
        [typeof(CalendarDayKind)] = v => ((CalendarDayKind)v).Name(),
        [typeof(InvestmentType)] = v => ((InvestmentType)v).Name(),
        [typeof(ProjectKind)] = v => ((ProjectKind)v).Name(),
        [typeof(LandSupply)] = v => ((LandSupply)v).Name(),
        [typeof(ContactEvidence)] = v => ((ContactEvidence)v).Name(),
        [typeof(ContactStatus)] = v => ((ContactStatus)v).Name(),
        [typeof(CaseSort)] = v => ((CaseSort)v).Name(),
        [typeof(CaseStep)] = v => ((CaseStep)v).Name(),
        [typeof(ItemStep)] = v => ((ItemStep)v).Name(),
    };

    public static IReadOnlyCollection<Type> Described => Tables.Keys;

    /// <summary>Each value of <paramref name="enumType"/> with its Chinese name, in order; null if none.</summary>
    public static IReadOnlyList<(Enum Value, string Name)>? Of(Type enumType) =>
        Tables.TryGetValue(enumType, out var name)
            ? Enum.GetValues(enumType).Cast<Enum>().Select(v => (v, name(v))).ToList()
            : null;

    /// <summary>Value name → Chinese name for <typeparamref name="T"/>, for readers of stored names.</summary>
    public static IReadOnlyDictionary<string, string> ByName<T>() where T : struct, Enum =>
        (Of(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} has no name table in EnumNames."))
        .ToDictionary(v => v.Value.ToString(), v => v.Name);
}
