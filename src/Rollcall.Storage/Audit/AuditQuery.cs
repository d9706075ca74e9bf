using Microsoft.EntityFrameworkCore;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Audit;

/// <summary>What the operator asks of the audit trail; every filter is optional.</summary>
public sealed record AuditFilter(Guid? SessionId, string? StudentId, DateTimeOffset? From, int Limit);

/// <summary>A page of the trail: the newest entries that match, oldest first, and how many earlier ones were left out.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Earlier);

/// <summary>Reads the audit trail (indexed by time, session and student).</summary>
public static class AuditQuery
{
    public static async Task<AuditPage> ReadAsync(RollcallDatabase database, AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.AuditLog.AsNoTracking();
        if (filter.SessionId is { } session)
        {
            query = query.Where(a => a.SessionId == session);
        }

        if (filter.StudentId is { } student)
        {
            query = query.Where(a => a.StudentId == student);
        }

        if (filter.From?.ToUniversalTime() is { } from)
        {
            // Stored times are UTC; SQLite compares their ticks, PostgreSQL takes UTC only.
            query = query.Where(a => a.At >= from);
        }

        var total = await query.CountAsync(cancellationToken);
        var newest = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(filter.Limit).ToListAsync(cancellationToken);
        newest.Reverse();
        return new AuditPage(newest, total - newest.Count);
    }
}
