using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage;
using Rollcall.Storage.Receipts;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>/receipt CODE: whether a student's receipt is genuine and what it attests, for the teacher's own sessions.</summary>
public sealed class ReceiptDesk(ReceiptSigner receipts)
{
    public async Task<Reply> CheckAsync(Inbound inbound, string typed, RollcallDb db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return Reply.Text(TextKey.ReceiptAsk);
        }

        var shown = typed.Trim() is { Length: > 20 } longText ? longText[..20] + "…" : typed.Trim();
        var receipt = await ReceiptBook.FindAsync(db, receipts, typed, cancellationToken);
        var session = receipt is null
            ? null
            : await db.Sessions.AsNoTracking().Where(s => s.Id == receipt.SessionId && s.TeacherChatId == inbound.ChatId)
                .Select(s => new { s.Subject, s.Date }).SingleOrDefaultAsync(cancellationToken);
        if (receipt is null || session is null)
        {
            return Reply.Text(TextKey.ReceiptInvalid, shown);
        }

        var name = await db.SessionStudents.Where(s => s.SessionId == receipt.SessionId && s.StudentId == receipt.StudentId)
            .Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        return Reply.Text(TextKey.ReceiptValid, receipt.Code, $"{receipt.StudentId} - {name}", session.Subject, session.Date,
            receipt.Decision, receipt.IssuedAt.UtcDateTime);
    }
}
