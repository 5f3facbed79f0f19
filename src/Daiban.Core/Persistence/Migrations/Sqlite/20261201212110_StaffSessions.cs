using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "staff");

            migrationBuilder.RenameColumn(
                name: "LockedUntil",
                table: "staff",
                newName: "OfficialAccountBoundAt");

            migrationBuilder.AddColumn<long>(
                name: "MiniProgramBoundAt",
                table: "staff",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StaffId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_sessions_staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_StaffId_EndedAt",
                table: "staff_sessions",
                columns: new[] { "StaffId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_sessions");

            migrationBuilder.DropColumn(
                name: "MiniProgramBoundAt",
                table: "staff");

            migrationBuilder.RenameColumn(
                name: "OfficialAccountBoundAt",
                table: "staff",
                newName: "LockedUntil");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "staff",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
