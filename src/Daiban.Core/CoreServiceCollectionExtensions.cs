using Daiban.Core.Assignment;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Consultation;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Core's own services, so a host names what it adds (database, clock, shared store, notification sender,
    /// configuration) and not the domain's classes one by one. Needs <see cref="TimeProvider"/>,
    /// <see cref="ISharedStore"/>, <see cref="INotificationSender"/> and logging from the host.
    /// </summary>
    public static IServiceCollection AddDaibanCore(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDaibanDatabase(database);
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CaseAssigner>();
        services.AddScoped<CaseArchiving>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<StaffBindingCodes>();
        services.AddSingleton<UsageLimits>();
        services.AddSingleton<KnowledgeBaseProvider>();
        services.AddScoped<ConsultationHandoff>();
        services.AddScoped<ConsultationDesk>();
        services.AddScoped<IConsultationBot, ConsultationService>();
        services.AddScoped<NotificationDispatcher>();
        return services;
    }
}
