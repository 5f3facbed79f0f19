using Daiban.Core.Common;

namespace Daiban.Core.Supervision;

/// <summary>
/// A 典型案例 for publicity (九). Written anonymized by a person; the source case is kept for staff only and
/// never shown with the published text.
/// </summary>
public sealed class TypicalCase
{
    private TypicalCase() { }

    public TypicalCase(long? sourceCaseId, string title, string summary, string? highlights, Actor by, DateTimeOffset now)
    {
        SourceCaseId = sourceCaseId;
        Edit(title, summary, highlights, now);
        CreatedBy = by.Name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long? SourceCaseId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? Highlights { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public void Edit(string title, string summary, string? highlights, DateTimeOffset now)
    {
        Title = Guard.Required(title, "案例标题", 128);
        Summary = Guard.Required(summary, "案例内容", 8000);
        Highlights = Guard.Optional(highlights, "经验做法", 4000);
        UpdatedAt = now;
    }

    public bool Publish(DateTimeOffset now)
    {
        if (IsPublished)
            return false;
        PublishedAt = now;
        UpdatedAt = now;
        return true;
    }

    public bool Unpublish(DateTimeOffset now)
    {
        if (!IsPublished)
            return false;
        PublishedAt = null;
        UpdatedAt = now;
        return true;
    }
}
