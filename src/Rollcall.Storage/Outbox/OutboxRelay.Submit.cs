using Microsoft.EntityFrameworkCore;
using Rollcall.Lms;

namespace Rollcall.Storage.Outbox;

/// <summary>The LMS call of a delivery, and the teacher told when the LMS refuses their sign-in.</summary>
public sealed partial class OutboxRelay
{
    /// <summary>
    /// Sends the set with the oldest row's teacher, or, when the LMS refuses that teacher's sign-in, with the next one's:
    /// each refused teacher is told once.
    /// </summary>
    private async Task<(SubmissionOutcome Outcome, long TeacherId)> SubmitAsync(
        DeliveryKey key, AttendanceSubmission submission, IReadOnlyList<long> teachers, CancellationToken cancellationToken)
    {
        var outcome = SubmissionOutcome.Failed;
        foreach (var teacherId in teachers)
        {
            var started = time.GetTimestamp();
            try
            {
                outcome = await lms.SubmitAsync(teacherId, submission, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever the gateway throws (an answer it cannot parse, a key that opens no token) is a failed attempt
                // with backoff, never an escape that leaves the key leased and retried every minute.
                OutboxLog.SubmitThrew(logger, key.Batch, e);
                outcome = SubmissionOutcome.Failed;
            }

            metrics.LmsCalled(submission.IsFirst ? "create" : "update", time.GetElapsedTime(started), outcome is SubmissionOutcome.Failed or SubmissionOutcome.Refused);
            if (outcome != SubmissionOutcome.Refused)
            {
                return (outcome, teacherId);
            }

            await TellTeacherOnceAsync(teacherId, key, cancellationToken);
        }

        return (outcome, teachers[^1]);
    }

    /// <summary>The first refusal since the teacher last signed in (or was last accepted) is told; later ones only retried.</summary>
    private async Task TellTeacherOnceAsync(long teacherId, DeliveryKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();
        var first = await db.Teachers.Where(t => t.Id == teacherId && t.LmsRefusedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LmsRefusedAt, now), cancellationToken);
        if (first == 1)
        {
            await alerts.LmsRefusedAsync(teacherId, key.Batch, key.Subject, key.Date, cancellationToken);
        }
    }
}
