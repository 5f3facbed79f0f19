using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboundMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DeduplicationKey = table.Column<string>(type: "TEXT", maxLength: 191, nullable: false),
                    FromUser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MsgType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_messages_DeduplicationKey",
                table: "inbound_messages",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_messages_ProcessedAt_ReceivedAt",
                table: "inbound_messages",
                columns: new[] { "ProcessedAt", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_messages");
        }
    }
}
