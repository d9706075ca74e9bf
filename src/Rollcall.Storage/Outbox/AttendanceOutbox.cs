using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Outbox;

/// <summary>Writes LMS submissions into the same transaction as the marks they carry (eShop's outbox shape).</summary>
public static class AttendanceOutbox
{
    /// <summary>
    /// Adds a pending submission for the batch/subject/date to <paramref name="db"/> without saving, so the caller's
    /// SaveChanges commits the mark and its delivery together. The relay sends the full present set, so one row per
    /// mark is enough even when several marks are delivered in one request.
    /// </summary>
    public static void Enqueue(RollcallDb db, long teacherId, string batch, string subject, DateOnly date, DateTimeOffset now) =>
        db.Outbox.Add(new OutboxEntry
        {
            TeacherId = teacherId,
            Batch = batch,
            Subject = subject,
            Date = date,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
}
