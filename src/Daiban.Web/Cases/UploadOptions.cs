namespace Daiban.Web.Cases;

public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>
    /// Where uploaded materials are kept (relative to the content root); never under wwwroot, never served statically.
    /// </summary>
    public string Directory { get; set; } = "data/uploads";

    /// <summary>Largest accepted file (default 10 MB: a scanned licence or a drawing sheet as PDF).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
