namespace Daiban.Web.Platform;

/// <summary>Database settings beyond the connection strings (<c>ConnectionStrings:MySql</c>, <c>ConnectionStrings:Redis</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The embedded SQLite file, relative to the content root.</summary>
    public string SqlitePath { get; set; } = "data/daiban.db";

    /// <summary>The MySQL/MariaDB version SQL is generated for, e.g. "10.11.0-mariadb" or "8.0.36-mysql".</summary>
    public string? ServerVersion { get; set; }

    /// <summary>Apply migrations at start-up. Default: only for the embedded SQLite database.</summary>
    public bool? AutoMigrate { get; set; }

    /// <summary>Seed demo staff, enterprises and cases. Default: only for the embedded SQLite database.</summary>
    public bool? SeedDemoData { get; set; }
}
