using Daiban.Core.Consultation;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Consultation;

public sealed record FaqRequest(string? Key, string? Topic, string? Question, string[]? Alternates, string? Answer,
    string? Source, bool? Active);

public sealed record FaqView(string Key, string Topic, string Question, IReadOnlyList<string> Alternates,
    string Answer, string? Source, bool Active, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static FaqView From(FaqEntry f) => new(f.Key, f.Topic, f.Question, f.AlternateList, f.Answer, f.Source,
        f.Active, f.UpdatedBy, f.UpdatedAt);
}

/// <summary>The bot's FAQ, edited by admins; every change is audited and rebuilds the knowledge index.</summary>
public static class FaqEndpoints
{
    public static void MapFaqEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/faq").WithTags("Consultations");
        g.MapGet("/", ListAsync).WithName("ListFaq").WithSummary("咨询机器人的常见问题")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/", CreateAsync).WithName("CreateFaq").WithSummary("新增常见问题")
            .RequireAuthorization(StaffPolicies.Admin);
        g.MapPut("/{key}", UpdateAsync).WithName("UpdateFaq").WithSummary("修改或停用常见问题")
            .RequireAuthorization(StaffPolicies.Admin);
    }

    internal static async Task<Ok<List<FaqView>>> ListAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok((await x.Db.FaqEntries.AsNoTracking().OrderBy(f => f.Id).ToListAsync(x.Cancellation))
            .Select(FaqView.From).ToList());

    /// <summary>A new question (its key made up when blank); the bot answers it from the next question on.</summary>
    internal static async Task<Created<FaqView>> CreateAsync(FaqRequest r, KnowledgeBaseProvider knowledge,
        [AsParameters] RequestContext x)
    {
        var (db, now, by) = (x.Db, x.Now, x.User.StaffActor());
        var entry = await FaqBook.AddAsync(db, r.Key, r.Topic, r.Question, r.Alternates ?? [], r.Answer, r.Source, by,
            now, x.Cancellation);
        db.Audit.Record(by, "faq.create", nameof(FaqEntry), entry.Key, entry.Question, now);
        await db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Created($"/api/staff/faq/{entry.Key}", FaqView.From(entry));
    }

    internal static async Task<Results<Ok<FaqView>, NotFound>> UpdateAsync(string key, FaqRequest r,
        KnowledgeBaseProvider knowledge, [AsParameters] RequestContext x)
    {
        var (db, now) = (x.Db, x.Now);
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Key == key, x.Cancellation);
        if (entry is null)
            return TypedResults.NotFound();
        var before = entry.Answer;
        await FaqBook.EditAsync(db, entry, r.Topic ?? entry.Topic, r.Question ?? entry.Question,
            r.Alternates ?? entry.AlternateList, r.Answer ?? entry.Answer, r.Source ?? entry.Source,
            r.Active ?? entry.Active, x.User.StaffActor(), now, x.Cancellation);
        var detail = before == entry.Answer
            ? entry.Question
            : $"答案由“{Core.Common.Text.Excerpt(before, 200)}”改为“{Core.Common.Text.Excerpt(entry.Answer, 200)}”";
        db.Audit.Record(x.User.StaffActor(), entry.Active ? "faq.update" : "faq.deactivate", nameof(FaqEntry),
            entry.Key, detail, now);
        await db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Ok(FaqView.From(entry));
    }
}
