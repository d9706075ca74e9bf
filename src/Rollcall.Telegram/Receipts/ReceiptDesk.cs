using Rollcall.Sessions;
using Rollcall.Storage.Receipts;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Receipts;

/// <summary>/receipt CODE: whether a student's receipt is genuine and what it attests, for the teacher's own sessions.</summary>
public sealed class ReceiptDesk(ReceiptLookup receipts, LocalClock clock)
{
    public async Task<Reply> CheckAsync(Inbound inbound, string typed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return Reply.Text(TextKey.ReceiptAsk);
        }

        var shown = typed.Trim() is { Length: > 20 } longText ? longText[..20] + "…" : typed.Trim();
        return await receipts.FindAsync(typed, inbound.ChatId, cancellationToken) is { } receipt
            ? Reply.Text(TextKey.ReceiptValid, receipt.Code, $"{receipt.StudentId} - {receipt.StudentName}", receipt.Subject, receipt.Date,
                receipt.Decision, clock.DayTime(receipt.IssuedAt))
            : Reply.Text(TextKey.ReceiptInvalid, shown);
    }
}
