using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_Status_CreatedAt",
                table: "notifications");

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "subscription_quotas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Remaining = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscription_quotas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Status_NextAttemptAt",
                table: "notifications",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subscription_quotas_OpenId_TemplateId",
                table: "subscription_quotas",
                columns: new[] { "OpenId", "TemplateId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subscription_quotas");

            migrationBuilder.DropIndex(
                name: "IX_notifications_Status_NextAttemptAt",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Status_CreatedAt",
                table: "notifications",
                columns: new[] { "Status", "CreatedAt" });
        }
    }
}
