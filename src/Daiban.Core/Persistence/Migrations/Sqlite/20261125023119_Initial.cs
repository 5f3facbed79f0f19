using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Daiban.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ImplementingBody = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PromisedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExcludedTimeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApplicableCategories = table.Column<int>(type: "INTEGER", nullable: false),
                    Prerequisites = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ResultDocument = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ResultValidity = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InformedCommitment = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParallelGroup = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    JointAcceptanceMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    JointDrawingReviewMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedInto = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastVerified = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatutoryLimitUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatutoryLimitValue = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "joint_review_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DepartmentCodes = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CaseIds = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConvenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_review_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mini_program_users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SessionKeyCipher = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LoginCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mini_program_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeduplicationKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecipientKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecipientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SkillStages = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SkillDepartments = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OfficialAccountOpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MiniProgramOpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    AwayUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "typical_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Highlights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_typical_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "approval_item_materials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsCore = table.Column<bool>(type: "INTEGER", nullable: false),
                    Deferrable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApprovalItemId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_item_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_item_materials_approval_items_ApprovalItemId",
                        column: x => x.ApprovalItemId,
                        principalTable: "approval_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MiniProgramOpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprise_contacts_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InvestmentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TotalInvestmentWanYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    LandAreaSquareMeters = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    FloorAreaSquareMeters = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BuildingHeightMeters = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ConstructionContent = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CurrentStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LandSupply = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApprovalsObtained = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    EnterpriseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicantContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScopeStages = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultsReadyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cases_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "callbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnterpriseSatisfied = table.Column<bool>(type: "INTEGER", nullable: true),
                    CalledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_callbacks_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_archives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CompiledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CompiledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_archives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_archives_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_assignments_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SignatureReference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceiptConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByContactId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_deliveries_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attitude = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Efficiency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Expertise = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Coordination = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_evaluations_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ImplementingBody = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RunningDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartmentReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResultDocumentNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_items_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_log_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    VisibleToEnterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_log_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_log_entries_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_materials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOriginal = table.Column<bool>(type: "INTEGER", nullable: false),
                    FileReference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ForwardedToDepartment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ForwardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OriginalReturnedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_materials_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_transitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_transitions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "difficult_issues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleDepartment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LiaisonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_difficult_issues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_difficult_issues_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_difficult_issues_joint_review_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "joint_review_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvaluationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeedbackToEnterprise = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CallbackId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectifications_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposedByAgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedByContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_plans_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_item_clock_pauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PausedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResumedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseItemId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_item_clock_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_item_clock_pauses_case_items_CaseItemId",
                        column: x => x.CaseItemId,
                        principalTable: "case_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_plan_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServicePlanId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_plan_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_plan_steps_service_plans_ServicePlanId",
                        column: x => x.ServicePlanId,
                        principalTable: "service_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approval_item_materials_ApprovalItemId",
                table: "approval_item_materials",
                column: "ApprovalItemId");

            migrationBuilder.CreateIndex(
                name: "IX_approval_items_Code",
                table: "approval_items",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_items_Stage_SortOrder",
                table: "approval_items",
                columns: new[] { "Stage", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_EntityType_EntityId",
                table: "audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_days_Date",
                table: "calendar_days",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_CaseId_Kind",
                table: "callbacks",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_Status_DueOn",
                table: "callbacks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_case_archives_CaseId",
                table: "case_archives",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_AgentId_EndedAt",
                table: "case_assignments",
                columns: new[] { "AgentId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_CaseId",
                table: "case_assignments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_deliveries_CaseId",
                table: "case_deliveries",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_evaluations_AgentId_EvaluatedAt",
                table: "case_evaluations",
                columns: new[] { "AgentId", "EvaluatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_evaluations_CaseId",
                table: "case_evaluations",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_evaluations_EvaluatedAt",
                table: "case_evaluations",
                column: "EvaluatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_case_item_clock_pauses_CaseItemId",
                table: "case_item_clock_pauses",
                column: "CaseItemId");

            migrationBuilder.CreateIndex(
                name: "IX_case_items_CaseId",
                table: "case_items",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_items_DepartmentCode_Status",
                table: "case_items",
                columns: new[] { "DepartmentCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_case_items_RunningDueOn",
                table: "case_items",
                column: "RunningDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_case_log_entries_CaseId_At",
                table: "case_log_entries",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_case_materials_CaseId",
                table: "case_materials",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_transitions_CaseId",
                table: "case_transitions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_AgentId_Status",
                table: "cases",
                columns: new[] { "AgentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ApplicantContactId_IdempotencyKey",
                table: "cases",
                columns: new[] { "ApplicantContactId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_CaseNumber",
                table: "cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_EnterpriseId_Status",
                table: "cases",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ProjectId",
                table: "cases",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_UpdatedAt",
                table: "cases",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_departments_Code",
                table: "departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_difficult_issues_CaseId",
                table: "difficult_issues",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_difficult_issues_MeetingId",
                table: "difficult_issues",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_difficult_issues_ResponsibleDepartment_Status",
                table: "difficult_issues",
                columns: new[] { "ResponsibleDepartment", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_difficult_issues_Status_Deadline",
                table: "difficult_issues",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_contacts_EnterpriseId_MiniProgramOpenId",
                table: "enterprise_contacts",
                columns: new[] { "EnterpriseId", "MiniProgramOpenId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_contacts_MiniProgramOpenId",
                table: "enterprise_contacts",
                column: "MiniProgramOpenId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_CreditCode",
                table: "enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_messages_DeduplicationKey",
                table: "inbound_messages",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_messages_ProcessedAt_ReceivedAt",
                table: "inbound_messages",
                columns: new[] { "ProcessedAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_joint_review_meetings_ScheduledAt",
                table: "joint_review_meetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_mini_program_users_OpenId",
                table: "mini_program_users",
                column: "OpenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mini_program_users_UnionId",
                table: "mini_program_users",
                column: "UnionId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_DeduplicationKey",
                table: "notifications",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientKind_RecipientId_CreatedAt",
                table: "notifications",
                columns: new[] { "RecipientKind", "RecipientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Status_NextAttemptAt",
                table: "notifications",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_EnterpriseId",
                table: "projects",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_CaseId",
                table: "rectifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_EvaluationId",
                table: "rectifications",
                column: "EvaluationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_Status_Deadline",
                table: "rectifications",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_service_plan_steps_ServicePlanId",
                table: "service_plan_steps",
                column: "ServicePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_service_plans_CaseId_Version",
                table: "service_plans",
                columns: new[] { "CaseId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_MiniProgramOpenId",
                table: "staff",
                column: "MiniProgramOpenId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_OfficialAccountOpenId",
                table: "staff",
                column: "OfficialAccountOpenId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_UserName",
                table: "staff",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscription_quotas_OpenId_TemplateId",
                table: "subscription_quotas",
                columns: new[] { "OpenId", "TemplateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_typical_cases_PublishedAt",
                table: "typical_cases",
                column: "PublishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_item_materials");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "callbacks");

            migrationBuilder.DropTable(
                name: "case_archives");

            migrationBuilder.DropTable(
                name: "case_assignments");

            migrationBuilder.DropTable(
                name: "case_deliveries");

            migrationBuilder.DropTable(
                name: "case_evaluations");

            migrationBuilder.DropTable(
                name: "case_item_clock_pauses");

            migrationBuilder.DropTable(
                name: "case_log_entries");

            migrationBuilder.DropTable(
                name: "case_materials");

            migrationBuilder.DropTable(
                name: "case_transitions");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "difficult_issues");

            migrationBuilder.DropTable(
                name: "enterprise_contacts");

            migrationBuilder.DropTable(
                name: "inbound_messages");

            migrationBuilder.DropTable(
                name: "mini_program_users");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "service_plan_steps");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "subscription_quotas");

            migrationBuilder.DropTable(
                name: "typical_cases");

            migrationBuilder.DropTable(
                name: "approval_items");

            migrationBuilder.DropTable(
                name: "case_items");

            migrationBuilder.DropTable(
                name: "joint_review_meetings");

            migrationBuilder.DropTable(
                name: "service_plans");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "enterprises");
        }
    }
}
