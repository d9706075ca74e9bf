using Microsoft.EntityFrameworkCore;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>The roll over HTTP against the LMS server: each one-tap status reaches the LMS through the outbox, audited, with a receipt.</summary>
public sealed class RollActionTests
{
    [Fact]
    public async Task EachStatusFromTheRoll_ReachesTheLms_AsItsApiTakesIt_AndIsAudited()
    {
        await using var lms = await StartLmsAsync();
        await using var bots = await BotsHost.StartAsync(lms: lms, settings: new Dictionary<string, string?> { ["LMS_STATUS_LATE"] = "1", ["LMS_STATUS_EXCUSED"] = "1" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var page = await RollAsync(bots, teacher, await OpenAsync(bots, teacher));

        var (presentToast, _) = await TapLineAsync(bots, teacher, page, 0, "P");
        var created = await lms.NextSubmissionAsync(cancellationToken: Ct);
        await TapLineAsync(bots, teacher, page, 1, "L");
        var late = await lms.NextSubmissionAsync(cancellationToken: Ct);
        await TapLineAsync(bots, teacher, page, 2, "E");
        var excused = await lms.NextSubmissionAsync(cancellationToken: Ct);
        var (_, afterAbsent) = await TapLineAsync(bots, teacher, page, 0, "A");
        var absent = await lms.NextSubmissionAsync(cancellationToken: Ct);

        Assert.Equal("Alice Karimova: present", presentToast);
        Assert.Equal(("POST", 1), (created.Method, created.Students["ST-001"]));
        Assert.Equal(("PUT", 1), (late.Method, late.Students["ST-002"]));
        Assert.Equal(1, excused.Students["ST-003"]);
        Assert.Equal((0, 1, 1), (absent.Students["ST-001"], absent.Students["ST-002"], absent.Students["ST-003"]));
        Assert.Contains("1. ST-001 Alice Karimova: marked absent by you", afterAbsent.Text, StringComparison.Ordinal);
        Assert.Contains(afterAbsent.Buttons, b => b.Text == "•A");
        await using var db = bots.Database.CreateContext();
        Assert.Equal(
            ["present, was pending; roll", "late, was pending; roll", "excused, was pending; roll", "absent, was present (teacher); roll"],
            await db.AuditLog.Where(a => a.Action == "teacher-set").OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync(Ct));
    }

    [Fact]
    public async Task LateAndExcused_GoToTheLmsAsZeroWhenSoConfigured()
    {
        await using var lms = await StartLmsAsync();
        await using var bots = await BotsHost.StartAsync(lms: lms, settings: new Dictionary<string, string?> { ["LMS_STATUS_LATE"] = "0" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var page = await RollAsync(bots, teacher, await OpenAsync(bots, teacher));

        await TapLineAsync(bots, teacher, page, 1, "L");

        Assert.Equal(0, (await lms.NextSubmissionAsync(cancellationToken: Ct)).Students["ST-002"]);
    }

    [Fact]
    public async Task RefusedStudent_MarkedPresentWithARemark_GetsAReceipt_AndTheReportShowsTheTeachersMarkApart()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["FACE_VERIFICATION_MAX_RETRIES"] = "0" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher);
        var ben = bots.Emulator.CreateUser("Ben");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, ben, "S-2", CodeOf(session));
        bots.Faces.Next = new FaceCheck.Mismatch(40, 0.9, 12, 70);
        await ben.SendVideoNoteAsync(bots.StudentBot, [5, 5]);
        await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var notice = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text!;
        var page = await RollAsync(bots, teacher, session);

        await TapLineAsync(bots, teacher, page, 1, "P");
        var told = (await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;
        await TapAsync(bots, teacher, page, "2 Ben");
        var card = await EditOfAsync(bots, teacher, page.MessageId);
        await TapAsync(bots, teacher, card, "Add a remark");
        var ask = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        await teacher.SendTextAsync(bots.TeacherBot, "face check failed in bad light");
        var saved = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var (body, receipt) = ReceiptLine.Split(told);
        await teacher.SendCommandAsync(bots.TeacherBot, $"/receipt {receipt}");
        var genuine = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        await TapAsync(bots, teacher, session, "Report");
        var report = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        var csv = System.Text.Encoding.UTF8.GetString((await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).File!.Bytes);

        Assert.StartsWith("S-2 - Ben has used all attempts in Maths", notice, StringComparison.Ordinal);
        Assert.Equal("Your teacher marked you present in Maths.", body);
        Assert.Contains("Decision: marked present by the teacher", genuine, StringComparison.Ordinal);
        Assert.Equal("Send the remark for S-2 - Ben (up to 200 characters), or /cancel.", ask);
        Assert.StartsWith("Remark saved for S-2 - Ben.", saved, StringComparison.Ordinal);
        Assert.Contains("S-2 - Ben (marked present by the teacher: face check failed in bad light)", report, StringComparison.Ordinal);
        Assert.Contains("S-2,Ben,CS-A,present (marked by the teacher),40.0,", csv, StringComparison.Ordinal);
        Assert.EndsWith(",face check failed in bad light,", csv.Split('\n').Single(l => l.StartsWith("S-2,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
