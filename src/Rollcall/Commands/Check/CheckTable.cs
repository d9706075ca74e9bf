using Spectre.Console;

namespace Rollcall.Commands.Check;

/// <summary>Prints the rows as one table and a closing line, with every configured secret masked.</summary>
internal static class CheckTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<CheckRow> rows, IReadOnlyList<string> secrets)
    {
        var table = new Table().AddColumns("Part", "State", "Found", "To do");
        foreach (var row in rows)
        {
            var state = row.Status switch
            {
                CheckStatus.Ok => "[green]ok[/]",
                CheckStatus.Warning => "[yellow]warning[/]",
                _ => "[red]FAILED[/]",
            };
            table.AddRow(Markup.Escape(row.Part), state, Markup.Escape(Mask(row.Detail, secrets)), Markup.Escape(Mask(row.Fix, secrets)));
        }

        console.Write(table);
        var failed = rows.Count(r => r.Status == CheckStatus.Failed);
        var warnings = rows.Count(r => r.Status == CheckStatus.Warning);
        console.MarkupLine(failed > 0
            ? $"[red]{failed} part(s) failed[/], {warnings} warning(s): fix the failed parts before the first class."
            : warnings > 0 ? $"[green]Ready[/], with {warnings} warning(s) worth a look." : "[green]Ready: every part answered.[/]");
    }

    private static string Mask(string text, IReadOnlyList<string> secrets) =>
        secrets.Aggregate(text, (masked, secret) => masked.Replace(secret, "***", StringComparison.Ordinal));
}
