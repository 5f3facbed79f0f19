namespace Daiban.Core.Common;

public static class Text
{
    /// <summary>At most <paramref name="max"/> characters, the last one "…" when something was cut.</summary>
    public static string Excerpt(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
