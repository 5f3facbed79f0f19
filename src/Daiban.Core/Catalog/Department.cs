using Daiban.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Catalog;

/// <summary>An approval department on the construction chain (职能部门), or a utility company.</summary>
public sealed class Department
{
    private Department() { }

    public Department(string code, string name, string? shortName = null)
    {
        Code = Guard.Required(code, "部门编码", 32);
        Name = Guard.Required(name, "部门名称", 64);
        ShortName = Guard.Optional(shortName, "部门简称", 32);
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public bool Active { get; private set; } = true;

    public void Rename(string name, string? shortName)
    {
        Name = Guard.Required(name, "部门名称", 64);
        ShortName = Guard.Optional(shortName, "部门简称", 32);
    }

    public void Deactivate() => Active = false;
}

public static class DepartmentQueries
{
    /// <summary>
    /// The names of the departments with these codes (as 系统管理 names them), by code; unknown codes are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> DepartmentNamesAsync(
        this Persistence.DaibanDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, string>()
            : await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Code))
                .ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }
}
