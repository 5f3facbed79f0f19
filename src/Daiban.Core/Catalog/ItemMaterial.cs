namespace Daiban.Core.Catalog;

/// <summary>One material an item needs. Core materials must be complete; 容缺 ones may arrive after acceptance.</summary>
public sealed class ItemMaterial
{
    private ItemMaterial() { }

    public ItemMaterial(string name, bool isCore, bool deferrable, string? note = null)
    {
        Name = name;
        IsCore = isCore;
        Deferrable = deferrable;
        Note = note;
    }

    public string Name { get; private set; } = "";
    public bool IsCore { get; private set; }
    /// <summary>容缺受理 allowed: the window may accept the application before this material arrives.</summary>
    public bool Deferrable { get; private set; }
    public string? Note { get; private set; }
}
