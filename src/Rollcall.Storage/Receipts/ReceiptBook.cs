using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Receipts;

/// <summary>
/// Issues receipt codes with the decision they attest, and checks a code a teacher types. The words of a decision are the
/// bots' (<paramref name="words"/>, MarkWords.Receipt); the code signs them as written.
/// </summary>
public sealed class ReceiptBook(ReceiptSigner signer, Func<ReceiptStatement, string> words)
{
    /// <summary>Adds the receipt to <paramref name="db"/> (saved with the decision) and returns its code.</summary>
    public string Issue(RollcallDb db, Guid sessionId, string studentId, ReceiptStatement statement, DateTimeOffset now)
    {
        var decision = words(statement);
        var code = signer.Sign(sessionId, studentId, decision, now);
        if (db.Receipts.Local.All(r => r.Code != code))
        {
            db.Receipts.Add(new Receipt { Code = code, SessionId = sessionId, StudentId = studentId, Decision = decision, IssuedAt = now });
        }

        return code;
    }

    /// <summary>The receipt behind a typed code, or null when the code is malformed, unknown, or does not sign its row.</summary>
    public async Task<Receipt?> FindAsync(RollcallDb db, string typed, CancellationToken cancellationToken)
    {
        if (ReceiptSigner.Normalize(typed) is not { } code)
        {
            return null;
        }

        var row = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);

        // A row edited in the database no longer matches its code.
        return row is not null && signer.Matches(code, row.SessionId, row.StudentId, row.Decision, row.IssuedAt) ? row : null;
    }
}
