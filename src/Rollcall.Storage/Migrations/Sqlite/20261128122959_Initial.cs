using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rollcall.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Bot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => new { x.Bot, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "face_embeddings",
                columns: table => new
                {
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PhotoVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Vector = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_face_embeddings", x => x.StudentId);
                });

            migrationBuilder.CreateTable(
                name: "lms_records",
                columns: table => new
                {
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lms_records", x => new { x.Batch, x.Subject, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "otp_locks",
                columns: table => new
                {
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_otp_locks", x => x.TelegramUserId);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeacherId = table.Column<long>(type: "INTEGER", nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processed_updates",
                columns: table => new
                {
                    Bot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdateId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_updates", x => new { x.Bot, x.UpdateId });
                });

            migrationBuilder.CreateTable(
                name: "roster",
                columns: table => new
                {
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster", x => new { x.StudentId, x.Batch, x.Subject });
                });

            migrationBuilder.CreateTable(
                name: "seen_media",
                columns: table => new
                {
                    FileUniqueId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seen_media", x => x.FileUniqueId);
                });

            migrationBuilder.CreateTable(
                name: "student_bindings",
                columns: table => new
                {
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    BoundAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_student_bindings", x => x.StudentId);
                });

            migrationBuilder.CreateTable(
                name: "teachers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    LmsUsername = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PasswordSealed = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teachers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "verification_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileUniqueId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lms_tokens",
                columns: table => new
                {
                    TeacherId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccessSealed = table.Column<string>(type: "TEXT", nullable: false),
                    AccessExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RefreshSealed = table.Column<string>(type: "TEXT", nullable: false),
                    RefreshExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lms_tokens", x => x.TeacherId);
                    table.ForeignKey(
                        name: "FK_lms_tokens_teachers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "teachers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeacherId = table.Column<long>(type: "INTEGER", nullable: false),
                    TeacherChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    Otp = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OtpSlot = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sessions_teachers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "teachers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marks",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AttemptsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: true),
                    TelegramUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reviewed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marks", x => new { x.SessionId, x.StudentId });
                    table.ForeignKey(
                        name: "FK_marks_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_batches",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeacherId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_batches", x => new { x.SessionId, x.Batch });
                    table.ForeignKey(
                        name: "FK_session_batches_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_students",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_students", x => new { x.SessionId, x.StudentId });
                    table.ForeignKey(
                        name: "FK_session_students_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SessionId",
                table: "audit_log",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_UpdatedAt",
                table: "conversations",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_State_NextAttemptAt",
                table: "outbox",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_processed_updates_ProcessedAt",
                table: "processed_updates",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_roster_Batch_Subject",
                table: "roster",
                columns: new[] { "Batch", "Subject" });

            migrationBuilder.CreateIndex(
                name: "IX_session_batches_TeacherId_Batch_Subject_Date",
                table: "session_batches",
                columns: new[] { "TeacherId", "Batch", "Subject", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_students_StudentId",
                table: "session_students",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_OtpSlot",
                table: "sessions",
                column: "OtpSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_ReportDueAt",
                table: "sessions",
                column: "ReportDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_TeacherId",
                table: "sessions",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_student_bindings_TelegramUserId",
                table: "student_bindings",
                column: "TelegramUserId");

            migrationBuilder.CreateIndex(
                name: "IX_teachers_PhoneKey",
                table: "teachers",
                column: "PhoneKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_teachers_TelegramUserId",
                table: "teachers",
                column: "TelegramUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_jobs_SessionId_StudentId_Attempt",
                table: "verification_jobs",
                columns: new[] { "SessionId", "StudentId", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_jobs_State_CreatedAt",
                table: "verification_jobs",
                columns: new[] { "State", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "face_embeddings");

            migrationBuilder.DropTable(
                name: "lms_records");

            migrationBuilder.DropTable(
                name: "lms_tokens");

            migrationBuilder.DropTable(
                name: "marks");

            migrationBuilder.DropTable(
                name: "otp_locks");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "processed_updates");

            migrationBuilder.DropTable(
                name: "roster");

            migrationBuilder.DropTable(
                name: "seen_media");

            migrationBuilder.DropTable(
                name: "session_batches");

            migrationBuilder.DropTable(
                name: "session_students");

            migrationBuilder.DropTable(
                name: "student_bindings");

            migrationBuilder.DropTable(
                name: "verification_jobs");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "teachers");
        }
    }
}
