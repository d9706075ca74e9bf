using System.Globalization;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Classroom;
using Spectre.Console;

namespace Rollcall.Commands.Demo;

/// <summary>
/// The demo's class from the session message to the report sent again: the live roll counting arrivals, the notice about
/// the impostor, Dev marked present from the roll with a remark, the latecomer marked Late, Close now, then /report.
/// </summary>
internal sealed class DemoClass(IAnsiConsole console, DemoTranscript transcript, ClassScript script, BotApiEmulator emulator)
{
    public async Task<ClassReport> PlayAsync(string kit, TeacherPlan plan, CancellationToken cancellationToken)
    {
        var teacher = emulator.CreateUser(DemoCast.TeacherName);
        transcript.Heading($"{DemoCast.TeacherName} opens a session for {DemoCast.Batch}, {DemoCast.Subject}");
        var session = await script.OpenSessionMessageAsync(teacher, plan, cancellationToken);
        var otp = ClassScript.CodeOf(session);

        var plans = DemoCast.Plans(kit);
        transcript.Heading("Five students check in at once, the session message counting them: " + string.Join("; ", plans.Select(p => $"{p.Student.Name} {p.Role}")));
        var students = plans.Select(p => emulator.CreateUser(p.Student.Name)).ToList();
        var checkIns = Task.WhenAll(plans.Select((p, i) => script.CheckInAsync(
            students[i], p.Plan.Otp is null ? p.Plan : p.Plan with { Otp = WrongCode(otp) }, otp, cancellationToken)));
        var counted = script.WatchCountsAsync(teacher, session, c => c.StartsWith("Present 2 ·", StringComparison.Ordinal) && c.Contains("refused 1", StringComparison.Ordinal), cancellationToken);
        var outcomes = await checkIns;
        await counted;
        transcript.Heading("Outcomes");
        for (var i = 0; i < plans.Count; i++)
        {
            console.MarkupLine($"[bold]{Markup.Escape(plans[i].Student.Name)}[/] ({Markup.Escape(plans[i].Role)}): {Markup.Escape(outcomes[i])}");
        }

        transcript.Heading("The teacher is told about the impostor, then marks Dev present from the roll with a remark");
        await script.HearTeacherAsync(teacher, cancellationToken);
        await script.TapAsync(teacher, session, "Roll", cancellationToken);
        var page = await script.HearTeacherAsync(teacher, cancellationToken);
        await script.TapStatusAsync(teacher, page, "Dev", "P", cancellationToken);
        await script.RemarkAsync(teacher, page, "Dev", DemoCast.DevRemark, cancellationToken);
        await script.TapForEditAsync(teacher, page, "« Back to the roll", cancellationToken);

        transcript.Heading("Farid arrives late and checks in; the teacher marks him Late");
        var farid = emulator.CreateUser("Farid");
        var (latecomer, latePlan) = DemoCast.Latecomer(kit);
        await script.CheckInAsync(farid, latePlan, otp, cancellationToken);
        console.MarkupLine($"[bold]{Markup.Escape(latecomer.Name)}[/] (arrives late): checked in.");
        await script.TapStatusAsync(teacher, page, latecomer.Name, "L", cancellationToken);
        await script.HearStudentAsync(farid, cancellationToken);
        await script.WatchCountsAsync(teacher, session, c => c.Contains("not yet 1", StringComparison.Ordinal) && !c.Contains("checking in", StringComparison.Ordinal), cancellationToken);

        transcript.Heading("The teacher closes the check-in: the report");
        await script.TapAsync(teacher, session, "Close now", cancellationToken);
        await console.Status().StartAsync("Waiting for the report…", async _ => await script.ReportAsync(teacher, TimeSpan.FromSeconds(60), cancellationToken));

        transcript.Heading("/report: the report sent again");
        return await script.ReportAgainAsync(teacher, cancellationToken);
    }

    private static string WrongCode(string otp) =>
        ((int.Parse(otp, CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
