using System.CommandLine;

namespace Rollcall.Commands;

/// <summary>`rollcall run`: starts both bots.</summary>
internal static class RunCommand
{
    public static void AddTo(RootCommand root)
    {
        var command = new Command("run", "Run the teacher and student bots.");
        command.SetAction((_, cancellationToken) => Task.FromResult(0));
        root.Subcommands.Add(command);
    }
}
