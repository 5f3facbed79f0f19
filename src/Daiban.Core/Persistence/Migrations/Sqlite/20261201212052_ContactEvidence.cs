using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorizationLetter",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AuthorizationLetterAt",
                table: "enterprise_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "enterprise_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingReason",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedById",
                table: "enterprise_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByKind",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceNote",
                table: "enterprise_contacts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseContent",
                table: "case_log_entries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseContentHash",
                table: "case_archives",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseContentJson",
                table: "case_archives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_contacts_Status",
                table: "enterprise_contacts",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprise_contacts_Status",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "AuthorizationLetter",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "AuthorizationLetterAt",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "ClosingReason",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "ConfirmedById",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "ConfirmedByKind",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "EvidenceNote",
                table: "enterprise_contacts");

            migrationBuilder.DropColumn(
                name: "EnterpriseContent",
                table: "case_log_entries");

            migrationBuilder.DropColumn(
                name: "EnterpriseContentHash",
                table: "case_archives");

            migrationBuilder.DropColumn(
                name: "EnterpriseContentJson",
                table: "case_archives");
        }
    }
}
