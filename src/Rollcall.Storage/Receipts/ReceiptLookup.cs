using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Receipts;

/// <summary>/receipt CODE in the turn's context: a genuine receipt of one of the asking teacher's sessions, with its class and student.</summary>
public sealed class ReceiptLookup(RollcallDb db, ReceiptBook receipts)
{
    /// <summary>The receipt behind <paramref name="typed"/>, or null when it is not genuine or not of a session of <paramref name="teacherChatId"/>.</summary>
    public async Task<ReceiptFound?> FindAsync(string typed, long teacherChatId, CancellationToken cancellationToken)
    {
        var receipt = await receipts.FindAsync(db, typed, cancellationToken);
        var session = receipt is null
            ? null
            : await db.Sessions.AsNoTracking().Where(s => s.Id == receipt.SessionId && s.TeacherChatId == teacherChatId)
                .Select(s => new { s.Subject, s.Date }).SingleOrDefaultAsync(cancellationToken);
        if (receipt is null || session is null)
        {
            return null;
        }

        var name = await db.SessionStudents.Where(s => s.SessionId == receipt.SessionId && s.StudentId == receipt.StudentId)
            .Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        return new ReceiptFound(receipt.Code, receipt.StudentId, name, session.Subject, session.Date, receipt.Decision, receipt.IssuedAt);
    }
}

/// <summary>A genuine receipt: what it attests, for whom, in which class.</summary>
public sealed record ReceiptFound(string Code, string StudentId, string? StudentName, string Subject, DateOnly Date, string Decision, DateTimeOffset IssuedAt);
