using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Postgres
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "DistanceMetres",
                table: "verification_jobs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ProbeEmbedding",
                table: "marks",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receipts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "review_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    StudentChatId = table.Column<long>(type: "bigint", nullable: false),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Similarity = table.Column<double>(type: "double precision", nullable: true),
                    DistanceMetres = table.Column<double>(type: "double precision", nullable: true),
                    AccuracyMetres = table.Column<double>(type: "double precision", nullable: true),
                    Image = table.Column<byte[]>(type: "bytea", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
