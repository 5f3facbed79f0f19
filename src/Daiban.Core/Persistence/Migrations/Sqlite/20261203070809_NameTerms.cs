using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contact_name_terms",
                columns: table => new
                {
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_name_terms", x => new { x.Term, x.OwnerId });
                    table.ForeignKey(
                        name: "FK_contact_name_terms_enterprise_contacts_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "enterprise_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_name_terms",
                columns: table => new
                {
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_name_terms", x => new { x.Term, x.OwnerId });
                    table.ForeignKey(
                        name: "FK_enterprise_name_terms_enterprises_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_name_terms",
                columns: table => new
                {
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_name_terms", x => new { x.Term, x.OwnerId });
                    table.ForeignKey(
                        name: "FK_project_name_terms_projects_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_contacts_Phone",
                table: "enterprise_contacts",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_contact_name_terms_OwnerId",
                table: "contact_name_terms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_name_terms_OwnerId",
                table: "enterprise_name_terms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_project_name_terms_OwnerId",
                table: "project_name_terms",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_name_terms");

            migrationBuilder.DropTable(
                name: "enterprise_name_terms");

            migrationBuilder.DropTable(
                name: "project_name_terms");

            migrationBuilder.DropIndex(
                name: "IX_enterprise_contacts_Phone",
                table: "enterprise_contacts");
        }
    }
}
