using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Telegram.Term;

namespace Rollcall.Tests.Term;

public sealed class TermExportTests
{
    private static readonly LocalClock Kolkata = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

    public static TheoryData<string> FormulaPrefixes => ["=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1+1", "\r=1+1"];

    [Fact]
    public void Csv_HasARowPerStudent_AColumnPerSessionInLocalTime_AndTheFigures()
    {
        var rows = CsvRows(TermExport.Csv(TermSheets.Small(), AttendanceRule.Default, Kolkata));

        Assert.Equal(["student_id", "name", "batch", "attended", "held", "percent", "2026-11-02 09:30", "2026-11-03 09:30", "2026-11-04 09:30", "2026-11-05 09:30"], rows[0]);
        Assert.Equal(["S1", "Asha", "CS-A", "2", "3", "66.7", "P", "L", "E", "R"], rows[1]);
        Assert.Equal(["S2", "Ben, Jr", "CS-A", "1", "4", "25.0", "A", "A", "A", "P"], rows[2]);
        Assert.Equal(["S3", "Chitra", "CS-A", "0", "0", "", "", "", "E", "E"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Xlsx_HasTheSameCells_NumbersAsNumbers_AndFrozenHeaders()
    {
        var bytes = TermExport.Xlsx([TermSheets.Small()], AttendanceRule.Default, Kolkata);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("CS-A Python", sheet.Name!.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Value);
        Assert.Equal("student_id", cells["A1"]);
        Assert.Equal("2026-11-02 09:30", cells["G1"]);
        Assert.Equal<string?>(["S1", "Asha", "CS-A", "2", "3", "66.7", "P", "L", "E", "R"], Row(cells, 2));
        Assert.Equal<string?>(["S2", "Ben, Jr", "CS-A", "1", "4", "25", "A", "A", "A", "P"], Row(cells, 3));
        Assert.Equal<string?>(["S3", "Chitra", "CS-A", "0", "0", null, null, null, "E", "E"], Row(cells, 4));
        Assert.Equal(Kind.Number, KindOf(worksheet, "F2"));
        Assert.Equal(Kind.Text, KindOf(worksheet, "A2"));

        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal(TermExport.FrozenColumns, pane.HorizontalSplit!.Value);
        Assert.Equal("C2", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void Xlsx_HasOneSheetPerBatchAndSubject_WithValidDistinctNames()
    {
        var one = TermSheets.Small();
        var bytes = TermExport.Xlsx([one, one with { Subject = "Data/Structures: [1]" }, one with { Subject = "Data/Structures: [1]" }], AttendanceRule.Default, Kolkata);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Equal(["CS-A Python", "CS-A Data-Structures- -1-", "CS-A Data-Structures- -1- (2)"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Theory]
    [MemberData(nameof(FormulaPrefixes))]
    public void ANameThatLooksLikeAFormula_IsDefusedInCsvAndXlsx(string name)
    {
        var sheet = TermSheets.Small(secondName: name);

        var csv = CsvRows(TermExport.Csv(sheet, AttendanceRule.Default, Kolkata));
        using var document = SpreadsheetDocument.Open(new MemoryStream(TermExport.Xlsx([sheet], AttendanceRule.Default, Kolkata)), isEditable: false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        Assert.Equal("'" + name, csv[2][1]);

        // XML reads a carriage return back as a line feed.
        Assert.Equal("'" + name.ReplaceLineEndings("\n"), Value(worksheet.Descendants<Cell>().Single(c => c.CellReference == "B3")));
        Assert.Empty(worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public void Xlsx_AControlCharacterInAName_DoesNotStopTheExport()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(TermExport.Xlsx([TermSheets.Small("Ben\u0001")], AttendanceRule.Default, Kolkata)), isEditable: false);

        Assert.Equal("Ben\uFFFD", Value(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == "B3")));
    }

    private enum Kind
    {
        Text,
        Number,
    }

    private static Kind KindOf(Worksheet worksheet, string reference) =>
        worksheet.Descendants<Cell>().Single(c => c.CellReference == reference).DataType!.Value == CellValues.Number ? Kind.Number : Kind.Text;

    private static string? Value(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text;

    private static IEnumerable<string?> Row(Dictionary<string, string?> cells, int row) =>
        "ABCDEFGHIJ".Select(c => cells.GetValueOrDefault($"{c}{row}"));

    /// <summary>A small CSV reader (quotes, doubled quotes, separators inside quotes), so the test reads the file as a spreadsheet would.</summary>
    private static List<List<string>> CsvRows(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
