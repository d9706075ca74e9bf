using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Term : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attendance_warnings",
                columns: table => new
                {
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WarnedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_warnings", x => new { x.StudentId, x.Subject });
                });

            migrationBuilder.CreateIndex(
                name: "IX_session_batches_Batch_Subject_Date",
                table: "session_batches",
                columns: new[] { "Batch", "Subject", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_StudentId",
                table: "audit_log",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_warnings");

            migrationBuilder.DropIndex(
                name: "IX_session_batches_Batch_Subject_Date",
                table: "session_batches");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_StudentId",
                table: "audit_log");
        }
    }
}
