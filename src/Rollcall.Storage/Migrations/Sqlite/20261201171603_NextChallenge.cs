using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NextChallenge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NextChallenge",
                table: "verification_jobs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextChallenge",
                table: "verification_jobs");
        }
    }
}
