using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WeChatApp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandoffReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandedOffAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LowConfidenceStreak = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUserMessageAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAgentReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Alternates = table.Column<string>(type: "TEXT", maxLength: 6500, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_faq_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StaffId = table.Column<long>(type: "INTEGER", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_messages_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_messages_ConversationId_ExternalId",
                table: "conversation_messages",
                columns: new[] { "ConversationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_conversations_Key",
                table: "conversations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_Status_AgentId",
                table: "conversations",
                columns: new[] { "Status", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_faq_entries_Key",
                table: "faq_entries",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "faq_entries");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}
