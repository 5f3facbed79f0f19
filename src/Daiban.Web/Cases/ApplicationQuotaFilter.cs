using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>
/// Puts the application quotas (<see cref="ApplicationQuotaOptions"/>) in front of POST /api/mp/cases, as a filter so
/// the handler stays as it is. Only applications filed count: a retry of one already filed (same Idempotency-Key)
/// takes nothing, and a request that files nothing (refused for its content, or a racing replay) gives back what
/// it took, so correcting a form or a double tap never locks the enterprise out.
/// </summary>
internal sealed class ApplicationQuotaFilter(Quotas quotas) : IEndpointFilter
{
    private const int RacingReplayPolls = 20;
    private static readonly TimeSpan RacingReplayPoll = TimeSpan.FromMilliseconds(100);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = context.Arguments.OfType<ApplyRequest>().FirstOrDefault();
        if (request is null)
            return await next(context);
        var db = http.RequestServices.GetRequiredService<DaibanDbContext>();
        var openId = http.User.OpenId();
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, openId, http.RequestAborted);
        // The contact ApplyAsync will act as; without one it refuses the application itself.
        var contact = contacts.FirstOrDefault(c => c.Id == request.ContactId)
                      ?? (request.ContactId is null && contacts.Count == 1 ? contacts[0] : null);
        if (contact is null)
            return await next(context);
        var key = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        Task<bool> FiledAsync() => db.Cases.AnyAsync(
            c => c.ApplicantContactId == contact.Id && c.IdempotencyKey == key, http.RequestAborted);
        if (key.Length > 0 && await FiledAsync())
            return await next(context);
        var confirmed = contact.CanActForEnterprise;
        if (await quotas.TakeApplicationAsync(http, openId, contact.EnterpriseId, confirmed) is { } refused)
        {
            // A double tap racing the request that used the last unit: that one files the case, this one replays it.
            for (var wait = 0; key.Length > 0 && wait < RacingReplayPolls; wait++)
            {
                await Task.Delay(RacingReplayPoll, http.RequestAborted);
                if (await FiledAsync())
                    return await next(context);
            }
            return refused;
        }
        var filed = false;
        try
        {
            var result = await next(context);
            filed = StatusOf(result) == StatusCodes.Status201Created;
            return result;
        }
        finally
        {
            if (!filed)
                await quotas.GiveBackApplicationAsync(openId, contact.EnterpriseId, confirmed);
        }
    }

    // The handler answers Results<Created, Ok>: the status is that of the result inside.
    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult status => status.StatusCode,
        _ => null,
    };
}
