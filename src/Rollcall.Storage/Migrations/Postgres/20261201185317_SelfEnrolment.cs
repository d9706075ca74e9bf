using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfEnrolment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enrolment_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OpenSlot = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StudentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    ChatId = table.Column<long>(type: "bigint", nullable: false),
                    TeacherId = table.Column<long>(type: "bigint", nullable: true),
                    TeacherChatId = table.Column<long>(type: "bigint", nullable: true),
                    FileId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileUniqueId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Challenge = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Photo = table.Column<byte[]>(type: "bytea", nullable: true),
                    Embedding = table.Column<byte[]>(type: "bytea", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhotoVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ToldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_OpenSlot",
                table: "enrolment_requests",
                column: "OpenSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_State_CreatedAt",
                table: "enrolment_requests",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_StudentId",
                table: "enrolment_requests",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_requests_TelegramUserId_CreatedAt",
                table: "enrolment_requests",
                columns: new[] { "TelegramUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrolment_requests");
        }
    }
}
