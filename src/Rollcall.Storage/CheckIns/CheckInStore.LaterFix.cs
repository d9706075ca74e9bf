using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.CheckIns;

/// <summary>A live location's later fixes after the video note (H2): the first one outside the area is kept on the mark for the report.</summary>
public sealed partial class CheckInStore
{
    public async Task<int> NoteLaterFixAsync(long telegramUserId, GeoPoint fix, double limitMetres, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The account's marks (its video note was queued) in sessions whose window is open: after the grace, or once the
        // report is being written (claimed), a fix changes nothing. A refused student's position does not matter.
        var marks = await (
            from m in db.Marks
            where m.TelegramUserId == telegramUserId && m.LeftAreaAt == null && m.Status != MarkStatus.Refused
            join s in db.Sessions on m.SessionId equals s.Id
            where s.GraceEndsAt > now && s.ReportSentAt == null && s.ReportClaims == 0
            select new { m.SessionId, m.StudentId, s.CentreLatitude, s.CentreLongitude })
            .AsNoTracking().ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var mark in marks)
        {
            if (LeftArea.Distance(new GeoPoint(mark.CentreLatitude, mark.CentreLongitude), fix, limitMetres) is not { } distance)
            {
                continue;
            }

            await TurnTransaction.EnsureAsync(db, cancellationToken);

            // Conditional: of two fixes handled at once, the first to commit is the one kept.
            var rows = await db.Marks
                .Where(m => m.SessionId == mark.SessionId && m.StudentId == mark.StudentId && m.LeftAreaAt == null)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeftAreaAt, now).SetProperty(x => x.LeftAreaMetres, distance), cancellationToken);
            if (rows == 1)
            {
                AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), AuditAction.LeftArea, mark.SessionId, mark.StudentId,
                    string.Create(CultureInfo.InvariantCulture, $"{distance:0} m from the centre"));
                await db.SaveChangesAsync(cancellationToken);
                recorded++;
            }
        }

        return recorded;
    }
}
