using Rollcall.Attendance;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Roster;

/// <summary>Imports `student_id,name,batch,subject[,photo]` rows into the built-in roster, reporting each bad row.</summary>
public sealed class RosterImport(RollcallDatabase database)
{
    /// <summary>One row that could not be imported, with its 1-based line number.</summary>
    public sealed record RowError(int Line, string Problem);

    /// <summary>What an import did: rows added or updated, rows refused, and the photo paths named by the file.</summary>
    public sealed record Result(int Imported, IReadOnlyList<RowError> Errors, IReadOnlyDictionary<string, string> Photos);

    public async Task<Result> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        var rows = new Dictionary<(string, string, string), RosterEntry>();
        var photos = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.StartsWith("student_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            var problem = Check(fields);
            if (problem is not null)
            {
                errors.Add(new RowError(lineNumber, problem));
                continue;
            }

            var id = StudentId.Normalize(fields[0]);
            rows[(id, fields[2], fields[3])] = new RosterEntry { StudentId = id, Name = fields[1], Batch = fields[2], Subject = fields[3] };
            if (fields.Length > 4 && fields[4].Length > 0)
            {
                photos[id] = fields[4];
            }
        }

        await using var db = database.CreateContext();
        foreach (var row in rows.Values)
        {
            var existing = await db.Roster.FindAsync([row.StudentId, row.Batch, row.Subject], cancellationToken);
            if (existing is null)
            {
                db.Roster.Add(row);
            }
            else
            {
                existing.Name = row.Name;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(rows.Count, errors, photos);
    }

    private static string? Check(string[] fields) => fields switch
    {
        { Length: < 4 } => "expected student_id,name,batch,subject[,photo]",
        _ when !StudentId.IsWellFormed(fields[0]) => $"student_id '{fields[0]}' must be letters, digits, '-' or '_' (at most {StudentId.MaxLength})",
        _ when fields[1].Length is 0 or > 200 => "name is empty or longer than 200 characters",
        _ when fields[2].Length is 0 or > 100 => "batch is empty or longer than 100 characters",
        _ when fields[3].Length is 0 or > 200 => "subject is empty or longer than 200 characters",
        _ => null,
    };
}
