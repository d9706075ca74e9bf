using System.Globalization;
using System.Text.RegularExpressions;
using Rollcall.Commands.Demo;
using Rollcall.IntegrationTests.Support;
using Spectre.Console;

namespace Rollcall.IntegrationTests.Demo;

/// <summary>
/// The README's first command on a machine without tokens: the scripted class runs to the teacher's report and shows
/// issue 14's teacher in charge (item 8), in TIME_ZONE.
/// </summary>
public sealed class DemoTests(FacesFixture faces)
{
    [Fact]
    public async Task Demo_PlaysTheClassToTheReport_WithTheLiveRollDevMarkedPresentFaridLateAndTheReportAgain_InKolkataTime()
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

        var exit = await DemoCommand.RunAsync(console, TestContext.Current.CancellationToken, new Dictionary<string, string?> { ["TIME_ZONE"] = "Asia/Kolkata" });

        var text = output.ToString();
        Assert.Equal(0, exit);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Matches(@"\(edits the session message\) Present 2 · in review 0 · refused 1 · not yet 3", text);
        Assert.Contains("Chitra (is Esha pretending to be Chitra (two attempts)): Confidence", text, StringComparison.Ordinal);
        Assert.Contains("No attempts left. Your teacher has been told and can mark you or give you another try.", text, StringComparison.Ordinal);
        Assert.Contains("S-103 - Chitra has used all attempts in Python", text, StringComparison.Ordinal);
        Assert.Contains("Dev (is 200 m away, outside the 50 m geofence): Too far (199 m). Limit: 50 m.", text, StringComparison.Ordinal);
        Assert.Contains("Esha (types a wrong class code): Student ID S-105 was not found", text, StringComparison.Ordinal);
        Assert.Contains("4. S-104 Dev: marked present by you · remark: " + DemoCast.DevRemark, text, StringComparison.Ordinal);
        Assert.Contains("rollcall_student_bot → Farid: Your teacher marked you late in Python.", text, StringComparison.Ordinal);
        Assert.Contains("Dr Rao → rollcall_teacher_bot: /report", text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(text, "Present: 3 of 6, absent: 2\n      Late: 1, excused: 0, in review: 0"));
        Assert.Contains($"S-104 - Dev (marked present by the teacher: {DemoCast.DevRemark})", text, StringComparison.Ordinal);
        Assert.Contains("S-106 - Farid (marked late by the teacher)", text, StringComparison.Ordinal);
        Assert.Matches($@"S-101,Asha,CS-A,present,\d+\.\d,{today}T\d\d:\d\d:\d\d\+05:30,", text);
        Assert.Contains("S-103,Chitra,CS-A,absent,", text, StringComparison.Ordinal);
        Assert.Contains("(sends a picture: Arrivals during the session and the totals.)", text, StringComparison.Ordinal);
        Assert.Contains("Times are shown in TIME_ZONE Asia/Kolkata.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
    }
}
