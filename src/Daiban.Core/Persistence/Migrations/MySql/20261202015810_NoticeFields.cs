using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class NoticeFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Destination",
                table: "notifications",
                type: "varchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<long>(
                name: "DestinationCaseId",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldsJson",
                table: "notifications",
                type: "varchar(4000)",
                maxLength: 4000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Rows from before keep their keyword data (sent as they are). Their page paths were none of the
            // mini-program's pages; they get the destination their key and reader meant (a staff reminder to a
            // window clerk or a supervisor: none, as new rows).
            migrationBuilder.Sql(
                "UPDATE notifications SET Destination = CASE " +
                "WHEN RecipientKind = 'EnterpriseContact' AND CaseId IS NOT NULL THEN " +
                "CASE WHEN TemplateKey = 'evaluation-invite' THEN 'EnterpriseEvaluation' ELSE 'EnterpriseCase' END " +
                "WHEN RecipientKind = 'Staff' AND CaseId IS NOT NULL " +
                "AND TemplateKey IN ('case-assigned', 'case-update', 'deadline-reminder') THEN 'AgentCase' " +
                "WHEN RecipientKind = 'Staff' AND TemplateKey = 'daily-digest' THEN 'AgentCases' " +
                "WHEN RecipientKind = 'Staff' AND TemplateKey = 'consultation-handoff' THEN 'AgentConsultations' " +
                "ELSE 'None' END " +
                "WHERE Page IS NOT NULL");
            migrationBuilder.Sql(
                "UPDATE notifications SET DestinationCaseId = CaseId " +
                "WHERE Destination IN ('EnterpriseCase', 'EnterpriseEvaluation', 'AgentCase')");

            migrationBuilder.DropColumn(
                name: "Page",
                table: "notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Destination",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "DestinationCaseId",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "FieldsJson",
                table: "notifications");

            migrationBuilder.AddColumn<string>(
                name: "Page",
                table: "notifications",
                type: "varchar(256)",
                maxLength: 256,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
        }
    }
}
