using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage;
using Rollcall.Storage.Roster;

namespace Rollcall.Commands;

/// <summary>`rollcall roster import FILE.csv`: the built-in roster for schools without an LMS.</summary>
internal static class RosterCommand
{
    public static void AddTo(RootCommand root)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with columns student_id,name,batch,subject[,photo]" };
        var import = new Command("import", "Import students into the built-in roster; each bad row is reported and skipped.") { file };
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"rollcall: {path.FullName} does not exist");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            using var reader = path.OpenText();
            var outcome = await new RosterImport(services.GetRequiredService<RollcallDatabase>()).ImportAsync(reader, cancellationToken);
            foreach (var error in outcome.Errors)
            {
                Console.WriteLine($"line {error.Line}: {error.Problem}");
            }

            Console.WriteLine($"{outcome.Imported} roster rows imported, {outcome.Errors.Count} refused.");
            return outcome.Errors.Count == 0 ? 0 : 1;
        });
        var roster = new Command("roster", "Manage the built-in roster (LMS_MODE=roster).");
        roster.Subcommands.Add(import);
        root.Subcommands.Add(roster);
    }
}
