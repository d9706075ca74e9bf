using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Rollcall.Commands.Demo;
using Rollcall.Configuration;
using Rollcall.Telegram.Updates;
using Spectre.Console;

namespace Rollcall.Commands;

/// <summary>`rollcall run`: starts both bots.</summary>
internal static class RunCommand
{
    public const int ConfigurationError = 2;

    public static void AddTo(RootCommand root)
    {
        var command = new Command("run", "Run the teacher and student bots (settings from the environment and .env).");
        command.SetAction((_, cancellationToken) => RunAsync(Console.Error, cancellationToken));
        root.Subcommands.Add(command);
    }

    private static async Task<int> RunAsync(TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = StartupSettings.Load(error);
        if (configuration is null)
        {
            return ConfigurationError;
        }

        var bots = configuration.Get<BotOptions>() ?? new BotOptions();
        if (!bots.HasTokens)
        {
            await error.WriteLineAsync(
                "rollcall: no Telegram tokens (TEACHER_BOT_TOKEN, STUDENT_BOT_TOKEN in the environment or .env, see .env.example): playing the demo class instead.");
            return await DemoCommand.RunAsync(AnsiConsole.Console, cancellationToken);
        }

        using var host = RollcallHost.Build(configuration);
        await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(host, cancellationToken);
        return 0;
    }
}
