using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobTries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Tries",
                table: "verification_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tries",
                table: "verification_jobs");
        }
    }
}
