using Daiban.Web.Platform;

// `dotnet run --project src/Daiban.Web -- migrate` applies migrations and reference data, then exits.
var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
// `--role web|worker|both` chooses what this process runs (Jobs:Role): web instances and job workers share Redis and the database.
var hostArgs = args.Where(a => !a.Equals("migrate", StringComparison.OrdinalIgnoreCase)).ToArray();
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Configuration.AddCommandLine(hostArgs, new Dictionary<string, string> { ["--role"] = "Jobs:Role" });
builder.AddDaibanHost();

var app = builder.Build();
if (migrateOnly)
{
    await app.MigrateDatabaseAsync(force: true);
    return;
}
await app.MigrateDatabaseAsync(force: false);

app.UseDaibanPipeline();
app.MapDaibanEndpoints();
app.Run();

public partial class Program;
