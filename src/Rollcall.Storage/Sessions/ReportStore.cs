using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Sessions;

/// <summary>The report scheduler's rows: due sessions claimed with a lease, their marks, and the sent flag.</summary>
public sealed class ReportStore(RollcallDatabase database)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> sessions whose report is due (<see cref="CheckInWindow.ReportDue"/>) and not
    /// sent: REPORT_DELAY_SECONDS after the last check-in begun in time is decided, or when CHECKIN_GRACE_SECONDS end; past
    /// those, video notes received in time and still being checked hold the report up to <paramref name="grace"/>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, TimeSpan grace, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var waiting = await db.Sessions
            .Where(s => s.ReportSentAt == null && s.ReportDueAt <= now && (s.ReportClaimedUntil == null || s.ReportClaimedUntil < now))
            .OrderBy(s => s.ReportDueAt)
            .Take(limit * 5)
            .Select(s => new
            {
                s.Id,
                s.ExpiresAt,
                s.GraceEndsAt,
                s.ReportDueAt,
                InProgress = db.Marks.Any(m => m.SessionId == s.Id && (m.Status == MarkStatus.Pending || m.Status == MarkStatus.InReview)),
                Queued = db.VerificationJobs.Any(j => j.SessionId == s.Id && j.State == JobState.Queued),
                LastDecidedAt = db.Marks.Where(m => m.SessionId == s.Id && m.DecidedAt != null)
                    .OrderByDescending(m => m.DecidedAt).Select(m => m.DecidedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var candidates = waiting
            .Where(s => new CheckInWindow(s.ExpiresAt, s.GraceEndsAt, s.ReportDueAt - s.ExpiresAt).ReportDue(now, s.InProgress, s.Queued, s.LastDecidedAt, grace))
            .Select(s => s.Id)
            .Take(limit)
            .ToList();

        var claimed = new List<Guid>();
        var until = now + lease;
        foreach (var id in candidates)
        {
            // Conditional UPDATE: of two instances, only one sees its row count at 1.
            var rows = await db.Sessions
                .Where(s => s.Id == id && s.ReportSentAt == null && (s.ReportClaimedUntil == null || s.ReportClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, until), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    public async Task<SessionReport> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var session = await db.Sessions.AsNoTracking()
            .Include(s => s.Batches)
            .Include(s => s.Students)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == sessionId, cancellationToken);
        var marks = await db.Marks.AsNoTracking().Where(m => m.SessionId == sessionId).ToDictionaryAsync(m => m.StudentId, cancellationToken);
        var lines = session.Students
            .OrderBy(s => s.Batch, StringComparer.Ordinal).ThenBy(s => s.StudentId, StringComparer.Ordinal)
            .Select(s => marks.TryGetValue(s.StudentId, out var m)
                ? new ReportLine(s.StudentId, s.Name, s.Batch, m.Status, m.Similarity, m.DecidedAt)
                {
                    Reviewed = m.Reviewed,
                    SetByTeacher = m.SetByTeacher,
                    Remark = m.Remark,
                }
                : new ReportLine(s.StudentId, s.Name, s.Batch, null, null, null))
            .ToList();
        var refusals = await db.AuditLog.AsNoTracking()
            .Where(a => a.SessionId == sessionId && AuditAction.BindingRefusals.Contains(a.Action))
            .Select(a => new { a.Actor, a.StudentId }).Distinct().CountAsync(cancellationToken);
        return new SessionReport(session.Id, session.TeacherChatId, [.. session.Batches.Select(b => b.Batch).Order(StringComparer.Ordinal)],
            session.Subject, session.Date, lines)
        {
            OpenedAt = session.CreatedAt,
            ExpiresAt = session.ExpiresAt,
            BindingRefusals = refusals,
            PartsSent = session.ReportPartsSent,
        };
    }

    /// <summary>Gives a claim back at once (an orderly stop), so a sibling or the next start sends the report without waiting for the lease.</summary>
    public async Task ReleaseClaimAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId && s.ReportSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Records that the report's first <paramref name="parts"/> replies reached the teacher, so a retry sends only the rest.</summary>
    public async Task RecordPartsSentAsync(Guid sessionId, int parts, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportPartsSent, parts), cancellationToken);
    }

    /// <summary>A part failed for now (Telegram down): the claim is held until <paramref name="retryAt"/>, when a round sends the rest.</summary>
    public async Task RetryLaterAsync(Guid sessionId, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId && s.ReportSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, retryAt), cancellationToken);
    }

    public async Task MarkSentAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportSentAt, now).SetProperty(x => x.ReportClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

}

/// <summary>A session's report: one line per rostered student, Status null when the student never checked in.</summary>
public sealed record SessionReport(Guid SessionId, long TeacherChatId, IReadOnlyList<string> Batches, string Subject, DateOnly Date, IReadOnlyList<ReportLine> Lines)
{
    /// <summary>When the code was issued; the report's chart spans this to <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Replies of the scheduled report already delivered (the report's parts are sent in order).</summary>
    public int PartsSent { get; init; }

    /// <summary>Check-ins refused by account binding (an ID bound to another account, a second ID from one account), once per account and ID.</summary>
    public int BindingRefusals { get; init; }
}

/// <summary>One student in a report.</summary>
public sealed record ReportLine(string StudentId, string Name, string Batch, MarkStatus? Status, double? Similarity, DateTimeOffset? DecidedAt)
{
    public bool Present => Status == MarkStatus.Present;

    /// <summary>In class: present or late.</summary>
    public bool Attended => Status is MarkStatus.Present or MarkStatus.Late;

    /// <summary>Decided by the teacher in review (approved when present, rejected when refused).</summary>
    public bool Reviewed { get; init; }

    /// <summary>The status is the teacher's own (set from the roll), not the machine's decision.</summary>
    public bool SetByTeacher { get; init; }

    /// <summary>The teacher's remark on the mark, if any.</summary>
    public string? Remark { get; init; }
}
