using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Roll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CentreAccuracy",
                table: "sessions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GraceEndsAt",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "LiveMessageId",
                table: "sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveShown",
                table: "sessions",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OtpRotatedAt",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOtp",
                table: "sessions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOtpSlot",
                table: "sessions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPartsSent",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Remark",
                table: "marks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SetByTeacher",
                table: "marks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "session_notices",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StudentChatId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_notices", x => new { x.SessionId, x.StudentId, x.Kind });
                    table.ForeignKey(
                        name: "FK_session_notices_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PreviousOtpSlot",
                table: "sessions",
                column: "PreviousOtpSlot",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_notices");

            migrationBuilder.DropIndex(
                name: "IX_sessions_PreviousOtpSlot",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "CentreAccuracy",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "GraceEndsAt",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "LiveMessageId",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "LiveShown",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "OtpRotatedAt",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "PreviousOtp",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "PreviousOtpSlot",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "ReportPartsSent",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "Remark",
                table: "marks");

            migrationBuilder.DropColumn(
                name: "SetByTeacher",
                table: "marks");
        }
    }
}
