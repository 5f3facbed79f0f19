using Daiban.WeChat.Infrastructure;

// `dotnet run --project src/Daiban.WeChat -- migrate` applies migrations and reference data, then exits.
var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);
var builder = WebApplication.CreateBuilder(args.Where(a => !a.Equals("migrate", StringComparison.OrdinalIgnoreCase)).ToArray());
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
