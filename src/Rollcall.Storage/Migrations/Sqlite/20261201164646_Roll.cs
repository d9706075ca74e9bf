using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
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
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GraceEndsAt",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LiveMessageId",
                table: "sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveShown",
                table: "sessions",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OtpRotatedAt",
                table: "sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOtp",
                table: "sessions",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousOtpSlot",
                table: "sessions",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPartsSent",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Remark",
                table: "marks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SetByTeacher",
                table: "marks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "session_notices",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StudentChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
