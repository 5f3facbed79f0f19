using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class CaseApplicantForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_cases_enterprise_contacts_ApplicantContactId",
                table: "cases",
                column: "ApplicantContactId",
                principalTable: "enterprise_contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cases_enterprise_contacts_ApplicantContactId",
                table: "cases");
        }
    }
}
