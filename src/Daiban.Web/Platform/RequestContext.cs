using System.Security.Claims;
using Daiban.Core.Persistence;

namespace Daiban.Web.Platform;

/// <summary>
/// What every handler needs from its request, bound in one parameter with <c>[AsParameters]</c> instead of four:
/// the principal and the cancellation token come from the request, the database and the clock from DI, so none of
/// them is a request body or a query parameter in the OpenAPI document.
/// </summary>
public readonly record struct RequestContext(
    ClaimsPrincipal User, DaibanDbContext Db, TimeProvider Clock, CancellationToken Cancellation)
{
    /// <summary>The request's one "now", read once so every change it makes carries the same time.</summary>
    public DateTimeOffset Now { get; } = Clock.GetUtcNow();
}
