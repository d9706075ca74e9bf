using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeftArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeftAreaAt",
                table: "marks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LeftAreaMetres",
                table: "marks",
                type: "double precision",
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
