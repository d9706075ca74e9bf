using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Secrets;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.Commands;

/// <summary>`rollcall keys rotate`: re-seals every stored secret with ENCRYPTION_KEY (after a key change, or to move old values to v2).</summary>
internal static class KeysCommand
{
    public static void AddTo(RootCommand root)
    {
        var rotate = new Command("rotate",
            "Re-seal the stored LMS passwords and tokens with ENCRYPTION_KEY, opening older ones with ENCRYPTION_PREVIOUS_KEYS.");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var secrets = services.GetRequiredService<SecretBox>();
            var report = await TeacherSecrets.ResealAsync(services.GetRequiredService<RollcallDatabase>(), secrets, cancellationToken);
            Console.WriteLine($"Re-sealed {report.Resealed} values with key {secrets.KeyId}; {report.AlreadyCurrent} were sealed with it already.");
            if (report.UnreadableTeachers.Count > 0)
            {
                Console.WriteLine($"{report.UnreadableTeachers.Count} teachers have values no key opens (teachers {string.Join(", ", report.UnreadableTeachers)}): "
                    + "add the key that sealed them to ENCRYPTION_PREVIOUS_KEYS and run this again, or they sign in again.");
                return 1;
            }

            Console.WriteLine("Once every instance runs with this ENCRYPTION_KEY, ENCRYPTION_PREVIOUS_KEYS can be removed.");
            return 0;
        });
        var keys = new Command("keys", "The key that seals stored secrets.");
        keys.Subcommands.Add(rotate);
        root.Subcommands.Add(keys);
    }
}
