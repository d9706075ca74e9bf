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
    /// Each claim is for <paramref name="lease"/> by the database's clock and carries its number, the fencing token.
    /// </summary>
    public async Task<IReadOnlyList<ReportClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, TimeSpan grace, int limit, CancellationToken cancellationToken)
    {
        var clock = await database.NowAsync(cancellationToken);
        await using var db = database.CreateContext();
        var waiting = await db.Sessions
            .Where(s => s.ReportSentAt == null && s.ReportDueAt <= now && (s.ReportClaimedUntil == null || s.ReportClaimedUntil < clock))
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

        var claimed = new List<ReportClaim>();
        var until = clock + lease;
        foreach (var id in candidates)
        {
            // Conditional UPDATE: of two instances, only one sees its row count at 1.
            var rows = await db.Sessions
                .Where(s => s.Id == id && s.ReportSentAt == null && (s.ReportClaimedUntil == null || s.ReportClaimedUntil < clock))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, until).SetProperty(x => x.ReportClaims, x => x.ReportClaims + 1), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(new ReportClaim(id, await db.Sessions.Where(s => s.Id == id).Select(s => s.ReportClaims).SingleAsync(cancellationToken)));
            }
        }

        return claimed;
    }

    /// <summary>Holds the claim for <paramref name="lease"/> from now (the report's sends are known); false when it is no longer the latest.</summary>
    public async Task<bool> ExtendClaimAsync(ReportClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = await database.NowAsync(cancellationToken) + lease;
        await using var db = database.CreateContext();
        return await Held(db, claim).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, until), cancellationToken) == 1;
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
                    LeftAreaAt = m.LeftAreaAt,
                    LeftAreaMetres = m.LeftAreaMetres,
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
    public async Task ReleaseClaimAsync(ReportClaim claim, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await Held(db, claim).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Records that the report's first <paramref name="parts"/> replies reached the teacher, so a retry sends only the rest.</summary>
    public async Task<bool> RecordPartsSentAsync(ReportClaim claim, int parts, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await Held(db, claim).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportPartsSent, parts), cancellationToken) == 1;
    }

    /// <summary>A part failed for now (Telegram down): the claim is held until <paramref name="retryAt"/>, when a round sends the rest.</summary>
    public async Task RetryLaterAsync(ReportClaim claim, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await Held(db, claim).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, retryAt), cancellationToken);
    }

    /// <summary>Marks the report sent if <paramref name="claim"/> is still the latest; false when another claim took over.</summary>
    public async Task<bool> MarkSentAsync(ReportClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await Held(db, claim)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportSentAt, now).SetProperty(x => x.ReportClaimedUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    /// <summary>The session while the report is unsent and <paramref name="claim"/> is its latest claim: the fence.</summary>
    private static IQueryable<AttendanceSessionRow> Held(RollcallDb db, ReportClaim claim) =>
        db.Sessions.Where(s => s.Id == claim.SessionId && s.ReportSentAt == null && s.ReportClaims == claim.Claim);

}

/// <summary>A claimed report: the session and the claim's number, its fencing token.</summary>
public sealed record ReportClaim(Guid SessionId, int Claim);

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

    /// <summary>When the student's live location first left the class area while the check-in window was open (H2).</summary>
    public DateTimeOffset? LeftAreaAt { get; init; }

    public double? LeftAreaMetres { get; init; }

    /// <summary>Shown as having left the area: the teacher decides. A student refused or absent is not listed (the mark already says no).</summary>
    public bool LeftTheArea => LeftAreaAt is not null && Status is not (null or MarkStatus.Refused or MarkStatus.Absent);
}
