using Rollcall.Simulation.Classroom;
using Spectre.Console;

namespace Rollcall.Commands.Demo;

/// <summary>Prints the demo's conversations as they happen: who wrote, to which bot, and what the bot answered.</summary>
internal sealed class DemoTranscript(IAnsiConsole console)
{
    private readonly Lock _gate = new();

    public void Write(TranscriptLine line)
    {
        var text = Markup.Escape(line.Text.ReplaceLineEndings("\n      "));
        lock (_gate)
        {
            if (line.FromBot)
            {
                console.MarkupLine($"  [grey]{Markup.Escape(line.From)} → {Markup.Escape(line.To)}:[/] {text}");
            }
            else
            {
                console.MarkupLine($"[bold]{Markup.Escape(line.From)}[/] [grey]→ {Markup.Escape(line.To)}:[/] [cyan]{text}[/]");
            }
        }
    }

    public void Heading(string text)
    {
        lock (_gate)
        {
            console.WriteLine();
            console.Write(new Rule($"[yellow]{Markup.Escape(text)}[/]").LeftJustified());
        }
    }
}
