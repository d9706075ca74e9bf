using Rollcall.Attendance;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

/// <summary>The export formats: CSV holds one batch and subject, xlsx one sheet for each.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>What an export request came to.</summary>
public abstract record TermFile
{
    private TermFile()
    {
    }

    /// <summary>No session of a matching batch and subject in the span.</summary>
    public sealed record Nothing : TermFile;

    /// <summary>CSV asked for, but several batches or subjects match.</summary>
    public sealed record SeveralClasses(IReadOnlyList<TermClass> Classes) : TermFile;

    public sealed record Ready(string Name, byte[] Bytes, IReadOnlyList<TermSheet> Sheets) : TermFile
    {
        public int Students => Sheets.Sum(s => s.Students.Count);
    }
}

/// <summary>Builds an export from the term records, for the command line and the teacher bot alike.</summary>
public sealed class TermFiles(ITermRecords records)
{
    public async Task<TermFile> BuildAsync(DateSpan span, string? batch, string? subject, ExportFormat format, AttendanceRule rule, LocalClock clock,
        CancellationToken cancellationToken)
    {
        var classes = (await records.ClassesAsync(span, null, cancellationToken))
            .Where(c => (batch is null || c.Batch == batch) && (subject is null || c.Subject == subject))
            .ToList();
        if (classes.Count == 0)
        {
            return new TermFile.Nothing();
        }

        if (format == ExportFormat.Csv && classes.Count > 1)
        {
            return new TermFile.SeveralClasses(classes);
        }

        var sheets = new List<TermSheet>(classes.Count);
        foreach (var c in classes)
        {
            sheets.Add(await records.SheetAsync(c.Batch, c.Subject, span, cancellationToken));
        }

        return format == ExportFormat.Csv
            ? new TermFile.Ready(TermExport.FileName(sheets[0], "csv"), TermExport.Csv(sheets[0], rule, clock), sheets)
            : new TermFile.Ready(sheets.Count == 1 ? TermExport.FileName(sheets[0], "xlsx") : $"attendance-{span.From:yyyy-MM-dd}-{span.To:yyyy-MM-dd}.xlsx",
                TermExport.Xlsx(sheets, rule, clock), sheets);
    }
}
