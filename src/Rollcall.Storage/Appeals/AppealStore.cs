using Microsoft.EntityFrameworkCore;
using Rollcall.Appeals;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Appeals;

/// <summary>
/// A student's appeal in the turn's context: the receipt it names is found and checked against the student's account, the
/// rule (<see cref="AppealRules"/>) judges it, and a taken appeal is saved, audited and handed back with its evidence.
/// </summary>
public sealed class AppealStore(RollcallDb db, ReceiptBook receipts)
{
    public async Task<AppealFiling> FileAsync(string typed, long telegramUserId, long chatId, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var receipt = await receipts.FindAsync(db, typed, cancellationToken);
        var facts = receipt is null ? null : await FactsAsync(receipt, telegramUserId, cancellationToken);
        var admission = AppealRules.Admit(facts, now, window);
        if (admission != AppealAdmission.Admitted || receipt is null)
        {
            return new AppealFiling.Refused(admission);
        }

        var appeal = new Appeal
        {
            Id = Guid.NewGuid(),
            SessionId = receipt.SessionId,
            StudentId = receipt.StudentId,
            Slot = Appeal.SlotOf(receipt.SessionId, receipt.StudentId),
            ReceiptCode = receipt.Code,
            TelegramUserId = telegramUserId,
            ChatId = chatId,
            State = AppealState.Open,
            CreatedAt = now,
        };
        db.Appeals.Add(appeal);
        AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), AuditAction.AppealFiled, receipt.SessionId, receipt.StudentId,
            $"appeal {appeal.Id:N} against receipt {receipt.Code}: {receipt.Decision}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same appeal sent twice at once: the other one won.
            TurnTransaction.DiscardPending(db);
            return new AppealFiling.Refused(AppealAdmission.AlreadyOpen);
        }

        return new AppealFiling.Filed(appeal.Id, await AppealEvidence.LoadAsync(db, receipt.SessionId, receipt.StudentId, receipt.Decision, cancellationToken));
    }

    private async Task<AppealFacts?> FactsAsync(Receipt receipt, long telegramUserId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == receipt.SessionId).Select(s => new { s.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var mark = await db.Marks.AsNoTracking().Where(m => m.SessionId == receipt.SessionId && m.StudentId == receipt.StudentId)
            .Select(m => new { m.Status, m.TelegramUserId }).SingleOrDefaultAsync(cancellationToken);
        var own = mark?.TelegramUserId == telegramUserId
            || await db.StudentBindings.AnyAsync(b => b.StudentId == receipt.StudentId && b.TelegramUserId == telegramUserId, cancellationToken);
        var slot = Appeal.SlotOf(receipt.SessionId, receipt.StudentId);
        var earlier = await db.Appeals.AsNoTracking().Where(a => a.Slot == slot).Select(a => (AppealState?)a.State).SingleOrDefaultAsync(cancellationToken);
        return new AppealFacts(own, mark?.Status ?? MarkStatus.Absent, session.CreatedAt, earlier);
    }
}

/// <summary>What became of a student's /appeal.</summary>
public abstract record AppealFiling
{
    private AppealFiling()
    {
    }

    /// <summary>Taken: the teacher is to see <paramref name="Evidence"/>.</summary>
    public sealed record Filed(Guid AppealId, AppealEvidence Evidence) : AppealFiling;

    public sealed record Refused(AppealAdmission Why) : AppealFiling;
}
