using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rollcall.Enrolment;
using Rollcall.IntegrationTests.Bots;
using Rollcall.IntegrationTests.Support;
using static Rollcall.IntegrationTests.Enrolment.EnrolmentSteps;

namespace Rollcall.IntegrationTests.Enrolment;

/// <summary>
/// `rollcall enrolments` as its own process beside the running bots: a student with no teacher yet (built-in roster, no
/// session) enrols, the operator lists the waiting frame, looks at it, approves it, and the bot tells the student.
/// </summary>
public sealed class EnrolmentCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_ListsTheWaitingFrame_AndApprovesIt_AndTheBotTellsTheStudent()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["ENROLMENT"] = "self" });
        var chen = bots.Emulator.CreateUser("Chen");
        var waiting = await EnrolAsync(chen, bots.StudentBot, "S-3", [7, 7], Invitation("Chen", "CS-B", "The school's admin"), TimeSpan.FromSeconds(20));
        var folder = Directory.CreateTempSubdirectory("rollcall-enrolments-cli-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "sqlite:" + bots.Database.Url.SqlitePath,
            ["ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PHOTO_STORE"] = "folder:" + bots.PhotoFolder,
            ["TIME_ZONE"] = "Asia/Kolkata",
        };

        var list = await RollcallCli.RunAsync(folder, environment, "enrolments", "list", "--frames", Path.Combine(folder, "frames"));
        var approve = await RollcallCli.RunAsync(folder, environment, "enrolments", "approve", "s-3");
        var told = await chen.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(30), Ct);
        var again = await RollcallCli.RunAsync(folder, environment, "enrolments", "approve", "S-3");

        Assert.Equal(Waiting("S-3"), waiting);
        Assert.True(list.ExitCode == 0, list.Error);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("student\tname\tbatch\tstate\trequested\tapprover\tnote", lines[0]);
        Assert.Matches(@"^S-3\tChen\tCS-B\twaiting for approval\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30\toperator\t$", lines[1]);
        Assert.Equal("1 open.", lines[2]);
        Assert.Equal(ScriptedEnrolmentFaces.Frame, await File.ReadAllBytesAsync(Path.Combine(folder, "frames", "S-3.jpg"), Ct));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "frames", "S-3.jpg")));
        }

        Assert.True(approve.ExitCode == 0, approve.Error);
        Assert.Equal("S-3: approved; the frame is the ID photo now. The bot tells the student.\n", approve.Output);
        Assert.Equal(Enrolled("S-3"), told.Text);
        Assert.Equal((1, "S-3 has no open enrolment (see `rollcall enrolments list`).\n"), (again.ExitCode, again.Output));
        Assert.Equal(ScriptedEnrolmentFaces.Frame, (await bots.Photos.FindAsync("S-3", Ct))!.Bytes);
        await using var db = bots.Database.CreateContext();
        var request = await db.EnrolmentRequests.SingleAsync(Ct);
        Assert.Equal(EnrolmentState.Enrolled, request.State);
        Assert.NotNull(request.ToldAt);
        Assert.Equal(chen.Id, (await db.StudentBindings.SingleAsync(Ct)).TelegramUserId);
        Assert.Equal(("operator", "enrolment-approved"), await db.AuditLog.Where(a => a.Action == "enrolment-approved").Select(a => ValueTuple.Create(a.Actor, a.Action)).SingleAsync(Ct));
    }
}
