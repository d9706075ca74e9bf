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
            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "outbox");

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

            migrationBuilder.AddColumn<int>(
                name: "ReportClaims",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "delivery_leases",
                columns: table => new
                {
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
            migrationBuilder.Sql(HardeningData.PhoneKeysLastTenPostgres);

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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "outbox",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
