using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalWallonia.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierReferenceCounters",
                columns: table => new
                {
                    Programme = table.Column<string>(maxLength: 20, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    LastNumber = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierReferenceCounters", x => new { x.Programme, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(maxLength: 40, nullable: false),
                    Programme = table.Column<string>(maxLength: 40, nullable: false),
                    State = table.Column<string>(maxLength: 80, nullable: false),
                    OpenedAt = table.Column<DateTime>(nullable: false),
                    SubmittedOn = table.Column<DateOnly>(nullable: true),
                    DecidedOn = table.Column<DateOnly>(nullable: true),
                    RequestedAmount = table.Column<long>(nullable: true),
                    Version = table.Column<long>(nullable: false),
                    AuditHeadSequence = table.Column<long>(nullable: false),
                    AuditHeadHash = table.Column<string>(maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Parties",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    Name = table.Column<string>(maxLength: 300, nullable: false),
                    EnterpriseNumber = table.Column<string>(maxLength: 10, nullable: true),
                    Version = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(nullable: false),
                    Sequence = table.Column<long>(nullable: false),
                    OccurredAt = table.Column<DateTime>(nullable: false),
                    Kind = table.Column<string>(maxLength: 80, nullable: false),
                    ActorSubject = table.Column<string>(maxLength: 200, nullable: false),
                    ActorPartyId = table.Column<long>(nullable: true),
                    Payload = table.Column<string>(nullable: false),
                    PersonalData = table.Column<string>(nullable: true),
                    PayloadHash = table.Column<string>(maxLength: 64, nullable: false),
                    PersonalDataHash = table.Column<string>(maxLength: 64, nullable: true),
                    Hash = table.Column<string>(maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deadlines",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<long>(nullable: false),
                    Kind = table.Column<string>(maxLength: 80, nullable: false),
                    State = table.Column<string>(maxLength: 80, nullable: false),
                    DueAt = table.Column<DateTime>(nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    FiredAt = table.Column<DateTime>(nullable: true),
                    CancelledAt = table.Column<DateTime>(nullable: true),
                    ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deadlines_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<string>(maxLength: 200, nullable: false),
                    DossierId = table.Column<long>(nullable: true),
                    TemplateKey = table.Column<string>(maxLength: 120, nullable: false),
                    Language = table.Column<string>(maxLength: 2, nullable: false),
                    RecipientAddress = table.Column<string>(maxLength: 320, nullable: false),
                    RecipientName = table.Column<string>(maxLength: 200, nullable: true),
                    ModelJson = table.Column<string>(nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    NextAttemptAt = table.Column<DateTime>(nullable: false),
                    ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(nullable: true),
                    SentAt = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartyId = table.Column<long>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Email = table.Column<string>(maxLength: 320, nullable: false),
                    PreferredLanguage = table.Column<string>(maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierParties",
                columns: table => new
                {
                    DossierId = table.Column<long>(nullable: false),
                    PartyId = table.Column<long>(nullable: false),
                    Role = table.Column<string>(maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierParties", x => new { x.DossierId, x.PartyId, x.Role });
                    table.ForeignKey(
                        name: "FK_DossierParties_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DossierParties_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EstablishmentUnits",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartyId = table.Column<long>(nullable: false),
                    Number = table.Column<string>(maxLength: 10, nullable: false),
                    Name = table.Column<string>(maxLength: 300, nullable: false),
                    Street = table.Column<string>(maxLength: 300, nullable: false),
                    Postcode = table.Column<string>(maxLength: 4, nullable: false),
                    Municipality = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EstablishmentUnits_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineReminders",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeadlineId = table.Column<long>(nullable: false),
                    DueAt = table.Column<DateTime>(nullable: false),
                    TemplateKey = table.Column<string>(maxLength: 120, nullable: true),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    FiredAt = table.Column<DateTime>(nullable: true),
                    Attempts = table.Column<int>(nullable: false),
                    ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineReminders_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_DossierId_Sequence",
                table: "AuditEvents",
                columns: new[] { "DossierId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PartyId",
                table: "Contacts",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineReminders_DeadlineId",
                table: "DeadlineReminders",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineReminders_Status_DueAt",
                table: "DeadlineReminders",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_DossierId_Status",
                table: "Deadlines",
                columns: new[] { "DossierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Status_DueAt",
                table: "Deadlines",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierParties_PartyId_Role",
                table: "DossierParties",
                columns: new[] { "PartyId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Programme_State",
                table: "Dossiers",
                columns: new[] { "Programme", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Reference",
                table: "Dossiers",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentUnits_Number",
                table: "EstablishmentUnits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentUnits_PartyId",
                table: "EstablishmentUnits",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentUnits_Postcode",
                table: "EstablishmentUnits",
                column: "Postcode");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DossierId",
                table: "OutboxMessages",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Parties_EnterpriseNumber",
                table: "Parties",
                column: "EnterpriseNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "DeadlineReminders");

            migrationBuilder.DropTable(
                name: "DossierParties");

            migrationBuilder.DropTable(
                name: "DossierReferenceCounters");

            migrationBuilder.DropTable(
                name: "EstablishmentUnits");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Deadlines");

            migrationBuilder.DropTable(
                name: "Parties");

            migrationBuilder.DropTable(
                name: "Dossiers");
        }
    }
}
