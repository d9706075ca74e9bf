using Rollcall.Commands.Demo;
using Rollcall.IntegrationTests.Support;
using Spectre.Console;

namespace Rollcall.IntegrationTests.Demo;

/// <summary>The README's first command on a machine without tokens: the scripted class runs to the teacher's report.</summary>
public sealed class DemoTests(FacesFixture faces)
{
    [Fact]
    public async Task Demo_PlaysTheClassToTheReport()
    {
        _ = faces.Engine;
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;

        var exit = await DemoCommand.RunAsync(console, TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Present: 3 of 6, absent: 3", text, StringComparison.Ordinal);
        Assert.Contains("Chitra (is Esha pretending to be Chitra (two attempts)): Confidence", text, StringComparison.Ordinal);
        Assert.Contains("No attempts left. Your teacher has been told and can mark you or give you another try.", text, StringComparison.Ordinal);
        Assert.Contains("Dev (is 200 m away, outside the 50 m geofence): Too far (199 m). Limit: 50 m.", text, StringComparison.Ordinal);
        Assert.Contains("Esha (types a wrong class code): Student ID S-105 was not found", text, StringComparison.Ordinal);
        Assert.Contains("S-101,Asha,CS-A,present,", text, StringComparison.Ordinal);
        Assert.Contains("S-103,Chitra,CS-A,absent,", text, StringComparison.Ordinal);
        Assert.Contains("(sends a picture: Arrivals during the session and the totals.)", text, StringComparison.Ordinal);
    }
}
