namespace Rollcall.Reports;

/// <summary>
/// Text that goes into a spreadsheet (CSV or xlsx). Names come from the LMS or a roster file, which a student may be able
/// to edit, so a value a spreadsheet would run as a formula is defused with a leading apostrophe (OWASP's CSV injection
/// list: =, +, -, @, tab, carriage return).
/// </summary>
public static class SpreadsheetText
{
    public static bool IsFormulaLike(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Defuse(string value) => IsFormulaLike(value) ? "'" + value : value;

    /// <summary>A CSV field: defused, and quoted when it holds a separator, a quote or a line break, or was defused.</summary>
    public static string CsvField(string value)
    {
        var defused = IsFormulaLike(value);
        var safe = defused ? "'" + value : value;
        return defused || safe.AsSpan().IndexOfAny(",\"\n\r") >= 0
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }

    /// <summary>An A1 cell reference from a column counted from 0 and a row counted from 1: (27, 3) is AB3.</summary>
    public static string CellReference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
