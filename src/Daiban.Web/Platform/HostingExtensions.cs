using Daiban.Core;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Jobs;
using Daiban.WeChat;
using Daiban.WeChat.Notifications;
using Daiban.Web.Accounts;
using Daiban.Web.Calendar;
using Daiban.Web.Cases;
using Daiban.Web.Catalog;
using Daiban.Web.Consultation;
using Daiban.Web.DifficultIssues;
using Daiban.Web.Enterprises;
using Daiban.Web.Notifications;
using Daiban.Web.Staff;
using Daiban.Web.Supervision;
using Hangfire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Daiban.Web.Platform;

public static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly System.Globalization.CultureInfo DashboardCulture = System.Globalization.CultureInfo.GetCultureInfo("zh");

    public static WebApplicationBuilder AddDaibanHost(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        // No "Server: Kestrel" banner: nothing tells a scanner what to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        builder.Services.AddDaibanReverseProxy();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var sqlitePath = Path.GetFullPath(database.SqlitePath, builder.Environment.ContentRootPath);
        var settings = DatabaseSettings.From(builder.Configuration.GetConnectionString("MySql"), database.ServerVersion, sqlitePath);
        builder.Services.AddDaibanCore(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
            builder.Services.AddHostedService<SqliteCheckpointer>();
        builder.Services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.SectionName)
            .Validate(QuotaOptionsAreValid, "Every Quotas:* value must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<Quotas>();
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName)
            .Validate(o => o.MaxBytes is > 0 and <= 100 * 1024 * 1024, "Uploads:MaxBytes must be between 1 byte and 100 MB.").ValidateOnStart();
        builder.Services.AddSingleton<MaterialFiles>();
        builder.Services.AddScoped<EnterpriseCaseViews>();
        builder.Services.AddOptions<Core.Reminders.ServiceRules>().BindConfiguration(Core.Reminders.ServiceRules.SectionName)
            .Validate(r => r.EvaluationWindowWorkingDays > 0 && r.RectificationWorkingDays > 0 && r.SpotCheckShare is >= 0 and <= 1, "ServiceRules values are out of range.")
            .ValidateOnStart();

        var redis = builder.Configuration.GetConnectionString("Redis");
        var redisConfigured = !string.IsNullOrWhiteSpace(redis);
        if (redisConfigured)
        {
            var redisOptions = ConfigurationOptions.Parse(redis!);
            // Start even while Redis is down; /health reports it and calls retry.
            redisOptions.AbortOnConnectFail = false;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        }
        builder.Services.AddOptions<SharedStoreOptions>().BindConfiguration("SharedStore");
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SharedStoreOptions>>().Value);
        builder.Services.AddSingleton<ISharedStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } multiplexer
            ? new RedisSharedStore(multiplexer, sp.GetRequiredService<SharedStoreOptions>())
            : new MemorySharedStore(sp.GetRequiredService<TimeProvider>()));

        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Apply);
        builder.Services.AddExceptionHandler<DaibanExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<RequestContractSchemas>()
            .AddSchemaTransformer<EnumMeaningSchemas>());
        // Hangfire's dashboard checks ASP.NET Core antiforgery tokens on its POSTs (requeue, delete) once this is
        // registered. Our own endpoints take bearer tokens, not cookies; the upload form opts out explicitly.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Path = DashboardSessionEndpoints.DashboardPath;
            // SecurityHeaders sets DENY; antiforgery's own SAMEORIGIN would win over it.
            o.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddDaibanHealthChecks(redisConfigured);
        builder.AddDaibanWeChat();
        builder.AddDaibanChat();
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddDaibanJobs(jobs, redisConfigured, builder.Configuration["SharedStore:KeyPrefix"] ?? new SharedStoreOptions().KeyPrefix);
        builder.Services.AddScoped<INotificationSender, WeChatNotificationSender>();
        builder.AddDaibanAuth(settings);
        return builder;
    }

    private static bool QuotaOptionsAreValid(QuotaOptions o) =>
        new[]
        {
            o.Applications.PerUserPerHour, o.Applications.PerUserPerDay, o.Applications.PerEnterprisePerDay,
            o.Applications.PendingPerUserPerDay, o.Applications.PendingPerEnterprisePerDay,
            o.Uploads.FilesPerUserPerHour, o.Uploads.BytesPerUserPerDay, o.Uploads.BytesPerEnterprisePerDay,
        }.All(v => v >= 1);

    /// <summary>Migrates at start-up for the embedded default (or when configured); always when <paramref name="force"/>.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, bool force)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var options = app.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var embedded = settings.Provider == DatabaseProvider.Sqlite;
        if (!force && !(options.AutoMigrate ?? embedded))
            return;
        if (embedded)
        {
            var file = settings.ConnectionString["Data Source=".Length..];
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync(options.SeedDemoData ?? embedded, app.Lifetime.ApplicationStopping, app.Configuration["Demo:StaffPassword"]);
    }

    public static WebApplication UseDaibanPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        // Hangfire ships Chinese strings; only the dashboard's UI culture is set, nothing else's formatting.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardSessionEndpoints.DashboardPath),
            b => b.Use((c, next) => { System.Globalization.CultureInfo.CurrentUICulture = DashboardCulture; return next(c); }));
        return app;
    }

    public static WebApplication MapDaibanEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapCatalogEndpoints();
        app.MapCalendarEndpoints();
        app.MapDaibanWeChat();
        app.MapMiniProgramAuthEndpoints();
        app.MapMiniProgramCaseEndpoints();
        app.MapEnterpriseContactEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapStaffAuthEndpoints();
        app.MapStaffMessageEndpoints();
        app.MapStaffCaseEndpoints();
        app.MapStaffContactEndpoints();
        app.MapAgentWorkbenchEndpoints();
        app.MapLedgerEndpoints();
        app.MapExportEndpoints();
        app.MapChatEndpoints();
        app.MapMaterialUploadEndpoints();
        app.MapConsultationEndpoints();
        app.MapFaqEndpoints();
        app.MapSupervisionEndpoints();
        app.MapAdminEndpoints();
        if (app.Configuration.GetValue<bool>("Benchmark:BareEndpoint"))
        {
            // The baseline of the push benchmark: the same host and pipeline, no work. Never on unless configured.
            app.MapPost("/_bench/bare", () => TypedResults.Text("success")).ExcludeFromDescription();
        }
        app.MapDashboardSessionEndpoints();
        app.MapHangfireDashboard(DashboardSessionEndpoints.DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Daiban 后台任务",
            AppPath = "/console/#admin",
            Authorization = [new AdminDashboardAuthorization()],
        });
        return app;
    }
}
