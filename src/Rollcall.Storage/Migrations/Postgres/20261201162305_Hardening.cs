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
            migrationBuilder.AddColumn<int>(
                name: "Claims",
                table: "verification_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LmsRefusedAt",
                table: "teachers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TokenRenewalHolder",
                table: "teachers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TokenRenewalUntil",
                table: "teachers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_jobs_FileUniqueId",
                table: "verification_jobs",
                column: "FileUniqueId");

            migrationBuilder.Sql(HardeningData.PhoneKeysWithCountryCode);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HardeningData.PhoneKeysLastTenPostgres);

            migrationBuilder.DropIndex(
                name: "IX_verification_jobs_FileUniqueId",
                table: "verification_jobs");

            migrationBuilder.DropColumn(
                name: "Claims",
                table: "verification_jobs");

            migrationBuilder.DropColumn(
                name: "LmsRefusedAt",
                table: "teachers");

            migrationBuilder.DropColumn(
                name: "TokenRenewalHolder",
                table: "teachers");

            migrationBuilder.DropColumn(
                name: "TokenRenewalUntil",
                table: "teachers");
        }
    }
}
