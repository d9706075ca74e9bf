using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LmsRefusedAt",
                table: "teachers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(HardeningData.PhoneKeysWithCountryCode);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HardeningData.PhoneKeysLastTenPostgres);

            migrationBuilder.DropColumn(
                name: "LmsRefusedAt",
                table: "teachers");
        }
    }
}
