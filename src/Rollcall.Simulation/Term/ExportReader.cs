using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rollcall.Reports;

namespace Rollcall.Simulation.Term;

/// <summary>One worksheet read back: its name, its cells by A1 reference, and its frozen pane.</summary>
public sealed record ReadSheet(string Name, IReadOnlyDictionary<string, string> Cells, Pane? Frozen, bool HasFormulas)
{
    /// <summary>A row's values from column A for <paramref name="columns"/> columns; null for an empty cell.</summary>
    public IReadOnlyList<string?> Row(int row, int columns) =>
        [.. Enumerable.Range(0, columns).Select(c => Cells.GetValueOrDefault(SpreadsheetText.CellReference(c, row)))];
}

/// <summary>Reads exports back as a spreadsheet program would, for tests: CSV with RFC 4180 quoting, xlsx with the Open XML SDK.</summary>
public static class ExportReader
{
    public static List<List<string>> Csv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is ',' or '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                if (c == '\n')
                {
                    rows.Add(row);
                    row = [];
                }
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    public static IReadOnlyList<ReadSheet> Xlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        return [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
            var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "");
            return new ReadSheet(sheet.Name!.Value!, cells, worksheet.Descendants<Pane>().SingleOrDefault(), worksheet.Descendants<CellFormula>().Any());
        })];
    }
}
