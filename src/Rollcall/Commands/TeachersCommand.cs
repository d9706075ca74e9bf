using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Teachers;

namespace Rollcall.Commands;

/// <summary>`rollcall teachers add|list|remove`: who may sign in to the teacher bot.</summary>
internal static class TeachersCommand
{
    public static void AddTo(RootCommand root)
    {
        var teachers = new Command("teachers", "Register, list and remove teachers (matched by the phone they share with the bot).");
        teachers.Subcommands.Add(Add());
        teachers.Subcommands.Add(List());
        teachers.Subcommands.Add(Remove());
        root.Subcommands.Add(teachers);
    }

    private static Command Add()
    {
        var phone = new Option<string>("--phone") { Description = "Phone number with its country code, e.g. +91 98765 43210", Required = true };
        var name = new Option<string>("--name") { Description = "Name shown to the teacher", Required = true };
        var username = new Option<string?>("--username") { Description = "LMS email/username (built-in roster: the sign-in name)" };
        var password = new Option<string?>("--password") { Description = "Built-in roster: the sign-in password (stored encrypted)" };
        var command = new Command("add", "Add a teacher, or update the one with the same phone.") { phone, name, username, password };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Telegram verifies the full international number, so the country code is part of who the teacher is.
            if (Sessions.PhoneNumber.International(result.GetValue(phone)!) is not { } digits)
            {
                await Console.Error.WriteLineAsync("rollcall: --phone must start with + and the country code, e.g. +91 98765 43210");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var id = await services.GetRequiredService<TeacherStore>().UpsertAsync(
                result.GetValue(name)!, "+" + digits, result.GetValue(username), result.GetValue(password), cancellationToken);
            Console.WriteLine($"Teacher {id} saved ({result.GetValue(name)}, phone ending {digits[^4..]}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List registered teachers.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            foreach (var t in await services.GetRequiredService<TeacherStore>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{t.Id}\t{t.Name}\t{t.Phone}\t{t.LmsUsername ?? "-"}\t{(t.TelegramUserId is null ? "not signed in" : "signed in")}");
            }

            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var phone = new Option<string>("--phone") { Description = "Phone number of the teacher to remove", Required = true };
        var command = new Command("remove", "Remove a teacher (their past sessions stay).") { phone };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var removed = await services.GetRequiredService<TeacherStore>().RemoveAsync(result.GetValue(phone)!, cancellationToken);
            Console.WriteLine(removed ? "Teacher removed." : "No teacher has that phone number.");
            return removed ? 0 : 1;
        });
        return command;
    }
}
