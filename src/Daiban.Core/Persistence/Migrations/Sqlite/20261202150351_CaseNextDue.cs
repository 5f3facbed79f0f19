using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNextDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UrgencyDate",
                table: "cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            // Cases that exist already: their items' soonest running due date, as the aggregate now keeps it.
            migrationBuilder.Sql("UPDATE cases SET NextDueOn = (SELECT MIN(i.RunningDueOn) FROM case_items i WHERE i.CaseId = cases.Id);");
            migrationBuilder.Sql("UPDATE cases SET UrgencyDate = COALESCE(NextDueOn, '9999-12-31');");

            migrationBuilder.CreateIndex(
                name: "IX_cases_UrgencyDate_Id",
                table: "cases",
                columns: new[] { "UrgencyDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_UrgencyDate_Id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "UrgencyDate",
                table: "cases");
        }
    }
}
