using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "outbox");

            migrationBuilder.AddColumn<int>(
                name: "Claims",
                table: "verification_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LmsRefusedAt",
                table: "teachers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TokenRenewalHolder",
                table: "teachers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TokenRenewalUntil",
                table: "teachers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportClaims",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "delivery_leases",
                columns: table => new
                {
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Claims = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_leases", x => new { x.Batch, x.Subject, x.Date });
                });

            migrationBuilder.CreateIndex(
                name: "IX_verification_jobs_FileUniqueId",
                table: "verification_jobs",
                column: "FileUniqueId");

            migrationBuilder.Sql(HardeningData.PhoneKeysWithCountryCode);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HardeningData.PhoneKeysLastTenSqlite);

            migrationBuilder.DropTable(
                name: "delivery_leases");

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

            migrationBuilder.DropColumn(
                name: "ReportClaims",
                table: "sessions");

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "outbox",
                type: "INTEGER",
                nullable: true);
        }
    }
}
