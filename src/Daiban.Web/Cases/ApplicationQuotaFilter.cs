using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>
/// Puts the application quotas (<see cref="ApplicationQuotaOptions"/>) in front of POST /api/mp/cases, as a filter so
/// the handler stays as it is. A retry of an application already filed (same Idempotency-Key) takes nothing: it
/// only reads back the case it created.
/// </summary>
internal sealed class ApplicationQuotaFilter(Quotas quotas) : IEndpointFilter
{
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
        if (key.Length > 0 && await db.Cases.AnyAsync(
                c => c.ApplicantContactId == contact.Id && c.IdempotencyKey == key, http.RequestAborted))
            return await next(context);
        var confirmed = contact.CanActForEnterprise;
        var refused = await quotas.TakeApplicationAsync(http, openId, contact.EnterpriseId, confirmed);
        return refused ?? await next(context);
    }
}
