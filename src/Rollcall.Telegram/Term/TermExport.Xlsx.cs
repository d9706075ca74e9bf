using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rollcall.Attendance;
using Rollcall.Reports;
using Rollcall.Sessions;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

public static partial class TermExport
{
    /// <summary>Columns kept in view while scrolling: student id and name (the header row stays too).</summary>
    public const int FrozenColumns = 2;

    private const uint BoldStyle = 1;
    private const uint PercentStyle = 2;

    /// <summary>One sheet per batch and subject, the header row and the id and name columns frozen.</summary>
    public static byte[] Xlsx(IReadOnlyList<TermSheet> sheets, AttendanceRule rule, LocalClock clock)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var list = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(FrozenHeader(), Widths(sheet.Sessions.Count), Rows(sheet, rule, clock));
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet, names) });
            }
        }

        return stream.ToArray();
    }

    private static SheetData Rows(TermSheet sheet, AttendanceRule rule, LocalClock clock)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        var headings = Header(sheet, clock);
        for (var c = 0; c < headings.Count; c++)
        {
            header.Append(Text(c, 1, headings[c], BoldStyle));
        }

        data.Append(header);
        uint r = 2;
        foreach (var standing in sheet.Standings(rule))
        {
            var row = new Row { RowIndex = r };
            row.Append(Text(0, r, standing.Student.StudentId), Text(1, r, standing.Student.Name), Text(2, r, sheet.Batch),
                Number(3, r, standing.Figures.Attended), Number(4, r, standing.Figures.Held));
            if (standing.Figures.Percent is { } percent)
            {
                row.Append(Number(5, r, Math.Round(percent, 1), PercentStyle));
            }

            for (var s = 0; s < standing.Student.Cells.Count; s++)
            {
                if (Letter(standing.Student.Cells[s]) is { Length: > 0 } letter)
                {
                    row.Append(Text(StudentColumns.Length + s, r, letter));
                }
            }

            data.Append(row);
            r++;
        }

        return data;
    }

    private static Cell Text(int column, uint row, string value, uint style = 0) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(XmlSafe(SpreadsheetText.Defuse(value))) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(int column, uint row, double value, uint style = 0) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.Number,
        StyleIndex = style == 0 ? null : style,
        CellValue = new CellValue(value),
    };

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane
        {
            HorizontalSplit = FrozenColumns,
            VerticalSplit = 1,
            TopLeftCell = Reference(FrozenColumns, 2),
            ActivePane = PaneValues.BottomRight,
            State = PaneStateValues.Frozen,
        },
        new Selection { Pane = PaneValues.BottomRight })
    { WorkbookViewId = 0 });

    private static Columns Widths(int sessions) => new(
        new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
        new Column { Min = 2, Max = 2, Width = 24, CustomWidth = true },
        new Column { Min = (uint)StudentColumns.Length + 1, Max = (uint)(StudentColumns.Length + Math.Max(1, sessions)), Width = 16, CustomWidth = true });

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });

    /// <summary>"CS-A Python", without the characters a sheet name may not hold, at most 31 long, unique in the workbook.</summary>
    private static string SheetName(TermSheet sheet, HashSet<string> taken)
    {
        var name = new string([.. $"{sheet.Batch} {sheet.Subject}".Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '-' : c)]).Trim('\'', ' ');
        name = name.Length == 0 ? "Sheet" : name[..Math.Min(name.Length, 31)];
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            var suffix = $" ({n})";
            unique = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
        }

        return unique;
    }

    private static string Reference(int column, uint row) => SpreadsheetText.CellReference(column, (int)row);

    /// <summary>XML cannot hold most control characters; a name with one would stop the export, so they become U+FFFD.</summary>
    private static string XmlSafe(string value) =>
        value.All(XmlConvert.IsXmlChar) ? value : new string([.. value.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD')]);
}
