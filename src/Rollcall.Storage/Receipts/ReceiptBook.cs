using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Receipts;

/// <summary>Issues receipt codes with the decision they attest, and checks a code a teacher types.</summary>
public static class ReceiptBook
{
    /// <summary>Adds the receipt to <paramref name="db"/> (saved with the decision) and returns its code.</summary>
    public static string Issue(RollcallDb db, ReceiptSigner signer, Guid sessionId, string studentId, string decision, DateTimeOffset now)
    {
        var code = signer.Sign(sessionId, studentId, decision, now);
        if (db.Receipts.Local.All(r => r.Code != code))
        {
            db.Receipts.Add(new Receipt { Code = code, SessionId = sessionId, StudentId = studentId, Decision = decision, IssuedAt = now });
        }

        return code;
    }

    /// <summary>The receipt behind a typed code, or null when the code is malformed, unknown, or does not sign its row.</summary>
    public static async Task<Receipt?> FindAsync(RollcallDb db, ReceiptSigner signer, string typed, CancellationToken cancellationToken)
    {
        if (ReceiptSigner.Normalize(typed) is not { } code)
        {
            return null;
        }

        var row = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);

        // A row edited in the database no longer matches its code.
        return row is not null && signer.Matches(code, row.SessionId, row.StudentId, row.Decision, row.IssuedAt) ? row : null;
    }

    /// <summary>The decision as the receipt states it, e.g. "present", "attempt 1 failed (Mismatch)", "refused (Mismatch)".</summary>
    public static string Words(ReceiptStatement statement) => statement.Attests switch
    {
        Attestation.Present => "present",
        Attestation.SentToReview => "sent to teacher review",
        Attestation.RefusedLookAlike => "refused (face of another marked student)",
        Attestation.Refused => $"refused ({statement.Outcome})",
        Attestation.AttemptFailed => $"attempt {statement.Attempt} failed ({statement.Outcome})",
        Attestation.ApprovedByTeacher => "present (approved by teacher)",
        Attestation.RejectedByTeacher => "refused (rejected by teacher)",
        _ => "refused (not reviewed before the report)",
    };
}
