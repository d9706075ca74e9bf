using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeftArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeftAreaAt",
                table: "marks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LeftAreaMetres",
                table: "marks",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_marks_TelegramUserId",
                table: "marks",
                column: "TelegramUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_marks_TelegramUserId",
                table: "marks");

            migrationBuilder.DropColumn(
                name: "LeftAreaAt",
                table: "marks");

            migrationBuilder.DropColumn(
                name: "LeftAreaMetres",
                table: "marks");
        }
    }
}
