using Microsoft.EntityFrameworkCore;
using Rollcall.Sessions;

namespace Rollcall.Storage.Roll;

/// <summary>
/// The live roll's rows, outside any turn: which session messages to keep up to date, what each shows, and the code's
/// rotation. Each change is taken with a conditional UPDATE, so of two instances only one edits a message or rotates a code.
/// </summary>
public sealed class LiveRollStore(RollcallDatabase database)
{
    /// <summary>How long after its report a session message still follows the teacher's corrections.</summary>
    public static readonly TimeSpan AfterReport = TimeSpan.FromMinutes(10);

    /// <summary>Makes <paramref name="messageId"/> the session's message that the live roll edits (a new one replaces an old one).</summary>
    public async Task RememberAsync(Guid sessionId, int messageId, string shown, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LiveMessageId, messageId).SetProperty(x => x.LiveShown, shown), cancellationToken);
    }

    /// <summary>The sessions whose message is followed: not reported yet, or reported within <see cref="AfterReport"/>.</summary>
    public async Task<IReadOnlyList<LiveSession>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var since = now - AfterReport;
        var live = db.Sessions.Where(s => s.LiveMessageId != null && (s.ReportSentAt == null || s.ReportSentAt > since));
        var messages = await live.Select(s => new { s.Id, s.TeacherChatId, s.LiveMessageId, s.LiveShown }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var cards = await SessionCards.LoadAsync(db, live, cancellationToken);
        return [.. cards.Select(c => new LiveSession(c, messages[c.Id].TeacherChatId, messages[c.Id].LiveMessageId!.Value, messages[c.Id].LiveShown))];
    }

    /// <summary>Claims showing <paramref name="next"/> instead of <paramref name="shown"/>; false when another instance did it first.</summary>
    public async Task<bool> TryShowAsync(Guid sessionId, int messageId, string? shown, string next, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Sessions.Where(s => s.Id == sessionId && s.LiveMessageId == messageId && s.LiveShown == shown)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LiveShown, next), cancellationToken) == 1;
    }

    /// <summary>The message is gone (the teacher deleted it): the live roll stops editing it until /sessions shows the session again.</summary>
    public async Task ForgetAsync(Guid sessionId, int messageId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.Sessions.Where(s => s.Id == sessionId && s.LiveMessageId == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LiveMessageId, (int?)null), cancellationToken);
    }

    /// <summary>
    /// CODE_ROTATION_SECONDS: each open session whose code is older than <paramref name="every"/> gets a new one, and the
    /// one before stays accepted; returns how many rotated.
    /// </summary>
    public async Task<int> RotateAsync(DateTimeOffset now, TimeSpan every, Func<string> nextOtp, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var due = now - every;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.OtpSlot != null && s.ExpiresAt > now && (s.OtpRotatedAt ?? s.CreatedAt) <= due)
            .Select(s => new { s.Id, s.Otp }).ToListAsync(cancellationToken);
        var rotated = 0;
        foreach (var session in sessions)
        {
            for (var draw = 0; draw < 20; draw++)
            {
                var code = nextOtp();
                if (await db.Sessions.AnyAsync(s => s.OtpSlot == code || s.PreviousOtpSlot == code, cancellationToken))
                {
                    continue;
                }

                try
                {
                    rotated += await db.Sessions.Where(s => s.Id == session.Id && s.Otp == session.Otp && s.OtpSlot != null)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.PreviousOtp, x => x.Otp).SetProperty(x => x.PreviousOtpSlot, x => x.OtpSlot)
                            .SetProperty(x => x.Otp, code).SetProperty(x => x.OtpSlot, code).SetProperty(x => x.OtpRotatedAt, now), cancellationToken);
                    break;
                }
                catch (System.Data.Common.DbException e) when (db.IsUniqueViolation(new DbUpdateException(e.Message, e)))
                {
                    // Drawn by another session in the same moment (a bulk UPDATE throws the provider's own error): draw again.
                }
            }
        }

        return rotated;
    }
}

/// <summary>A session whose message the live roll keeps up to date: its card, the teacher's chat, the message and what it shows.</summary>
public sealed record LiveSession(SessionCard Card, long ChatId, int MessageId, string? Shown);
