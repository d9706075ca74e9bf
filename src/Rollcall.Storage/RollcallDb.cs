using Microsoft.EntityFrameworkCore;
using Rollcall.Appeals;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Storage.Configurations;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage;

/// <summary>The one data model; <see cref="SqliteRollcallDb"/> and <see cref="PostgresRollcallDb"/> add a provider and migrations.</summary>
public abstract class RollcallDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Teacher> Teachers => Set<Teacher>();

    public DbSet<LmsToken> LmsTokens => Set<LmsToken>();

    public DbSet<AttendanceSessionRow> Sessions => Set<AttendanceSessionRow>();

    public DbSet<SessionBatch> SessionBatches => Set<SessionBatch>();

    public DbSet<SessionStudent> SessionStudents => Set<SessionStudent>();

    public DbSet<AttendanceMark> Marks => Set<AttendanceMark>();

    public DbSet<VerificationJob> VerificationJobs => Set<VerificationJob>();

    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();

    public DbSet<LmsRecord> LmsRecords => Set<LmsRecord>();

    public DbSet<DeliveryLease> DeliveryLeases => Set<DeliveryLease>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<RosterEntry> Roster => Set<RosterEntry>();

    public DbSet<FaceEmbedding> FaceEmbeddings => Set<FaceEmbedding>();

    public DbSet<StudentBinding> StudentBindings => Set<StudentBinding>();

    public DbSet<OtpLock> OtpLocks => Set<OtpLock>();

    public DbSet<SeenMedia> SeenMedia => Set<SeenMedia>();

    public DbSet<ReviewRequest> Reviews => Set<ReviewRequest>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<AttendanceWarning> AttendanceWarnings => Set<AttendanceWarning>();

    public DbSet<SessionNotice> SessionNotices => Set<SessionNotice>();
    public DbSet<EnrolmentRequest> EnrolmentRequests => Set<EnrolmentRequest>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<OutboundReply> Replies => Set<OutboundReply>();

    /// <summary>True when the failed save hit a unique index or primary key: the row exists already.</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RollcallDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<MarkStatus>().HaveConversion<string>();
        configurationBuilder.Properties<JobState>().HaveConversion<string>();
        configurationBuilder.Properties<OutboxState>().HaveConversion<string>();
        configurationBuilder.Properties<ReplyState>().HaveConversion<string>();
        configurationBuilder.Properties<Challenge>().HaveConversion<ChallengeConverter>();
        configurationBuilder.Properties<EnrolmentState>().HaveConversion<string>();
        configurationBuilder.Properties<AppealState>().HaveConversion<string>();
    }
}
