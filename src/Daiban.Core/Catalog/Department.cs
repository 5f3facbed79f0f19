using Daiban.Core.Common;

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
