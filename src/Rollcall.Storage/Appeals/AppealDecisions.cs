using Microsoft.EntityFrameworkCore;
using Rollcall.Appeals;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Appeals;

/// <summary>
/// The session teacher's Approve or Reject on an appeal, at any time (also after the report). Approval is the teacher's
/// own correction (<see cref="MarkEvent.TeacherSet"/> through <see cref="TeacherMarks"/>): audited, with a new receipt and
/// the LMS row. The decision is a conditional UPDATE, so two taps never both win.
/// </summary>
public sealed class AppealDecisions(RollcallDb db, TeacherMarks marks)
{
    /// <summary>The reason written on the corrected mark and in its audit row.</summary>
    public const string ApprovedReason = "appeal approved";

    public async Task<AppealOutcome> DecideAsync(Guid appealId, bool approve, long teacherChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        var session = appeal is null
            ? null
            : await db.Sessions.AsNoTracking().Where(s => s.Id == appeal.SessionId && s.TeacherChatId == teacherChatId)
                .Select(s => new { s.TeacherId, s.Subject }).SingleOrDefaultAsync(cancellationToken);
        if (appeal is null || session is null)
        {
            return new AppealOutcome.NotFound();
        }

        var state = approve ? AppealState.Approved : AppealState.Rejected;
        var won = await db.Appeals.Where(a => a.Id == appealId && a.State == AppealState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, state).SetProperty(a => a.DecidedAt, now), cancellationToken);
        if (won == 0)
        {
            return new AppealOutcome.AlreadyDecided(appeal.StudentId, appeal.State);
        }

        if (approve)
        {
            var set = new MarkEvent.TeacherSet(MarkStatus.Present, ApprovedReason);
            return await marks.ApplyAsync(appeal.SessionId, appeal.StudentId, set, teacherChatId, now, cancellationToken) switch
            {
                TeacherMarkOutcome.Applied applied => new AppealOutcome.Approved(appeal.StudentId, applied.StudentName, applied.Subject, applied.Receipt, appeal.ChatId),
                // The appeal was checked against the session's roster when filed: fail the turn (rolled back) rather than close it unapplied.
                var other => throw new InvalidOperationException($"The approved appeal {appeal.Id:N} did not correct its mark: {other.GetType().Name}."),
            };
        }

        AuditTrail.Record(db, now, AuditActor.Teacher(session.TeacherId), AuditAction.AppealRejected, appeal.SessionId, appeal.StudentId,
            $"appeal {appeal.Id:N} against receipt {appeal.ReceiptCode}");
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.SessionStudents.Where(s => s.SessionId == appeal.SessionId && s.StudentId == appeal.StudentId).Select(s => s.Name)
            .SingleOrDefaultAsync(cancellationToken);
        return new AppealOutcome.Rejected(appeal.StudentId, name ?? "", session.Subject, appeal.ChatId);
    }
}

/// <summary>What became of the teacher's tap on an appeal.</summary>
public abstract record AppealOutcome
{
    private AppealOutcome()
    {
    }

    /// <summary>The mark is present; <paramref name="Receipt"/> is its new receipt, for the student at <paramref name="StudentChatId"/>.</summary>
    public sealed record Approved(string StudentId, string StudentName, string Subject, string Receipt, long StudentChatId) : AppealOutcome;

    public sealed record Rejected(string StudentId, string StudentName, string Subject, long StudentChatId) : AppealOutcome;

    public sealed record AlreadyDecided(string StudentId, AppealState State) : AppealOutcome;

    /// <summary>Unknown appeal, or not of this teacher's session.</summary>
    public sealed record NotFound : AppealOutcome;
}
