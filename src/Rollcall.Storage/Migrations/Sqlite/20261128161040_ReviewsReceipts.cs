using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewsReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AccuracyMetres",
                table: "verification_jobs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceMetres",
                table: "verification_jobs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ProbeEmbedding",
                table: "marks",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "review_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StudentChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: true),
                    DistanceMetres = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_requests_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_receipts_SessionId",
                table: "receipts",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_receipts_StudentId",
                table: "receipts",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_review_requests_CreatedAt",
                table: "review_requests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_review_requests_SessionId_StudentId",
                table: "review_requests",
                columns: new[] { "SessionId", "StudentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropTable(
                name: "review_requests");

            migrationBuilder.DropColumn(
                name: "AccuracyMetres",
                table: "verification_jobs");

            migrationBuilder.DropColumn(
                name: "DistanceMetres",
                table: "verification_jobs");

            migrationBuilder.DropColumn(
                name: "ProbeEmbedding",
                table: "marks");
        }
    }
}
