using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Rollcall.Attendance;
using Rollcall.Reports;
using Rollcall.Sessions;
using Rollcall.Simulation.Term;
using Rollcall.Telegram.Term;

namespace Rollcall.Tests.Term;

public sealed class TermExportTests
{
    private static readonly LocalClock Kolkata = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

    public static TheoryData<string> FormulaPrefixes => ["=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1+1", "\r=1+1"];

    [Fact]
    public void Csv_HasARowPerStudent_AColumnPerSessionInLocalTime_AndTheFigures()
    {
        var rows = ExportReader.Csv(TermExport.Csv(TermSheets.Small(), AttendanceRule.Default, Kolkata));

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

        var sheet = Assert.Single(ExportReader.Xlsx(bytes));
        Assert.Equal("CS-A Python", sheet.Name);
        Assert.Equal<string?>(["student_id", "name", "batch", "attended", "held", "percent", "2026-11-02 09:30", "2026-11-03 09:30", "2026-11-04 09:30", "2026-11-05 09:30"], sheet.Row(1, 10));
        Assert.Equal<string?>(["S1", "Asha", "CS-A", "2", "3", "66.7", "P", "L", "E", "R"], sheet.Row(2, 10));
        Assert.Equal<string?>(["S2", "Ben, Jr", "CS-A", "1", "4", "25", "A", "A", "A", "P"], sheet.Row(3, 10));
        Assert.Equal<string?>(["S3", "Chitra", "CS-A", "0", "0", null, null, null, "E", "E"], sheet.Row(4, 10));
        Assert.Equal(PaneStateValues.Frozen, sheet.Frozen!.State!.Value);
        Assert.Equal(1, sheet.Frozen.VerticalSplit!.Value);
        Assert.Equal(TermExport.FrozenColumns, sheet.Frozen.HorizontalSplit!.Value);
        Assert.Equal("C2", sheet.Frozen.TopLeftCell!.Value);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(CellValues.Number, cells["F2"].DataType!.Value);
        Assert.Equal(CellValues.InlineString, cells["A2"].DataType!.Value);
    }

    [Fact]
    public void Xlsx_HasOneSheetPerBatchAndSubject_WithValidDistinctNames()
    {
        var one = TermSheets.Small();
        var bytes = TermExport.Xlsx([one, one with { Subject = "Data/Structures: [1]" }, one with { Subject = "Data/Structures: [1]" }], AttendanceRule.Default, Kolkata);

        Assert.Equal(["CS-A Python", "CS-A Data-Structures- -1-", "CS-A Data-Structures- -1- (2)"], ExportReader.Xlsx(bytes).Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(FormulaPrefixes))]
    public void ANameThatLooksLikeAFormula_IsDefusedInCsvAndXlsx(string name)
    {
        var sheet = TermSheets.Small(secondName: name);

        var csv = ExportReader.Csv(TermExport.Csv(sheet, AttendanceRule.Default, Kolkata));
        var xlsx = Assert.Single(ExportReader.Xlsx(TermExport.Xlsx([sheet], AttendanceRule.Default, Kolkata)));

        Assert.Equal("'" + name, csv[2][1]);

        // XML reads a carriage return back as a line feed.
        Assert.Equal("'" + name.ReplaceLineEndings("\n"), xlsx.Cells["B3"]);
        Assert.False(xlsx.HasFormulas);
    }

    [Fact]
    public void Xlsx_AControlCharacterInAName_DoesNotStopTheExport()
    {
        var xlsx = Assert.Single(ExportReader.Xlsx(TermExport.Xlsx([TermSheets.Small("Ben\u0001")], AttendanceRule.Default, Kolkata)));

        Assert.Equal("Ben\uFFFD", xlsx.Cells["B3"]);
    }

    [Theory]
    [InlineData(0, 1, "A1")]
    [InlineData(25, 2, "Z2")]
    [InlineData(26, 3, "AA3")]
    [InlineData(205, 61, "GX61")]
    public void CellReference_CountsColumnsInLetters(int column, int row, string expected) =>
        Assert.Equal(expected, SpreadsheetText.CellReference(column, row));
}
