using Microsoft.EntityFrameworkCore;
using Rollcall.Enrolment;
using Rollcall.IntegrationTests.Abuse;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Enrolment.EnrolmentSteps;

namespace Rollcall.IntegrationTests.Enrolment;

/// <summary>
/// Self-enrolment's rules on the real bots over HTTP, with a scripted face engine (<see cref="ScriptedEnrolmentFaces"/>):
/// who may ask, two requests for one ID, the teacher's decision and /forget.
/// </summary>
public sealed class EnrolmentOverHttpTests
{
    private static readonly Dictionary<string, string?> SelfEnrolment = new() { ["ENROLMENT"] = "self" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAdminEnrolment_EnrolSendsTheStudentToTheSchool()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = bots.Emulator.CreateUser("Asha");

        await student.SendCommandAsync(bots.StudentBot, "/enrol");

        Assert.Equal("ID photos are added by the school. Please ask your teacher or the admin to add yours.", await student.ReplyAsync(bots.StudentBot));
    }

    [Fact]
    public async Task IdNotOnARoster_OrWithAPhoto_IsNotEnrolled()
    {
        await using var bots = await BotsHost.StartAsync(settings: SelfEnrolment);
        await bots.Photos.SaveAsync("S-2", ScriptedEnrolmentFaces.Frame, Ct);
        var student = bots.Emulator.CreateUser("Zed");

        var unknown = await AskAsync(student, bots.StudentBot, "S-99");
        await student.SendTextAsync(bots.StudentBot, "S-2");
        var hasPhoto = await student.ReplyAsync(bots.StudentBot);

        Assert.Equal("Student ID S-99 is not on a class roster yet. Check it and send it again, or ask your teacher.", unknown);
        Assert.Equal("S-2 already has an ID photo. Send /start to mark your attendance.", hasPhoto);
    }

    [Fact]
    public async Task SecondAccount_AskingForAnIdWaitingForApproval_IsRefused_AndTheTeacherToldOnce()
    {
        await using var bots = await BotsHost.StartAsync(settings: SelfEnrolment);
        var teacher = bots.Emulator.CreateUser("Rao");
        await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        var waiting = await EnrolAsync(asha, bots.StudentBot, "S-1", [1, 2, 3], Invitation("Asha", "CS-A"), TimeSpan.FromSeconds(20));
        var card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        var first = await AskAsync(bots.Emulator.CreateUser("Mallory"), bots.StudentBot, "s-1");
        var warning = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        var second = await AskAsync(bots.Emulator.CreateUser("Trudy"), bots.StudentBot, "S-1");
        await teacher.PressButtonAsync(bots.TeacherBot, card, "Approve");
        var approved = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        Assert.Equal(Waiting("S-1"), waiting);
        Assert.Equal("Registration: S-1 - Asha, CS-A\nThis face was sent from the student bot as the ID photo of S-1. Approve only if it is Asha: every check-in of S-1 is compared with it.", card.Text);
        Assert.Equal(ScriptedEnrolmentFaces.Frame, card.File!.Bytes);
        Assert.Equal(["Approve", "Reject"], card.Buttons.Select(b => b.Text));
        var refused = "A registration for S-1 from another Telegram account is waiting for approval. Your teacher has been told: if S-1 is your ID, speak to your teacher.";
        Assert.Equal((refused, refused), (first, second));
        Assert.Equal("Another Telegram account asked to register S-1 - Asha while a registration for it waits for you. Approve the waiting one only if the face is Asha's.", warning.Text);

        // The warning went once: the next message the teacher got is the approval.
        Assert.Equal("Approved: this is the ID photo of S-1 - Asha now.", approved.Text);
        Assert.Equal(Enrolled("S-1"), await asha.ReplyAsync(bots.StudentBot));
        Assert.Equal(ScriptedEnrolmentFaces.Frame, (await bots.Photos.FindAsync("S-1", Ct))!.Bytes);
        await using var db = bots.Database.CreateContext();
        Assert.Equal(asha.Id, (await db.StudentBindings.SingleAsync(b => b.StudentId == "S-1", Ct)).TelegramUserId);
        var request = await db.EnrolmentRequests.SingleAsync(Ct);
        Assert.Equal((EnrolmentState.Enrolled, null, null, null), (request.State, request.OpenSlot, request.Photo, request.Embedding));
        Assert.Equal(["enrolment-requested", "enrolment-contested", "enrolment-contested", "enrolment-approved"],
            await db.AuditLog.Where(a => a.StudentId == "S-1").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task OneAccount_HasOneRequestOpenAtATime()
    {
        await using var bots = await BotsHost.StartAsync(settings: SelfEnrolment);
        var mallory = bots.Emulator.CreateUser("Mallory");
        await EnrolAsync(mallory, bots.StudentBot, "S-1", [1], Invitation("Asha", "CS-A", "The school's admin"), TimeSpan.FromSeconds(20));

        var second = await AskAsync(mallory, bots.StudentBot, "S-2");

        Assert.Equal("Your registration for S-1 is waiting for approval. I will message you when it is decided.", second);
        await using var db = bots.Database.CreateContext();
        Assert.Equal("S-1", (await db.EnrolmentRequests.SingleAsync(Ct)).StudentId);
    }

    [Fact]
    public async Task TeacherRejects_TheStudentIsTold_AndMayRecordANewNote()
    {
        await using var bots = await BotsHost.StartAsync(settings: SelfEnrolment);
        var teacher = bots.Emulator.CreateUser("Rao");
        await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var ben = bots.Emulator.CreateUser("Ben");
        await EnrolAsync(ben, bots.StudentBot, "S-2", [4, 5], Invitation("Ben", "CS-A"), TimeSpan.FromSeconds(20));
        var card = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        await teacher.PressButtonAsync(bots.TeacherBot, card, "Reject");
        var rejected = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        var told = await ben.ReplyAsync(bots.StudentBot);
        var again = await AskAsync(ben, bots.StudentBot, "S-2");

        Assert.Equal("Rejected: S-2 - Ben still has no ID photo.", rejected.Text);
        Assert.Empty(teacher.CurrentMessage(bots.TeacherBot, card.MessageId)!.Buttons);
        Assert.Equal("Your video note was not accepted as the ID photo of S-2. Speak to your teacher, or send /enrol to record a new one.", told);
        Assert.Equal(Invitation("Ben", "CS-A"), again);
        Assert.Null(await bots.Photos.FindAsync("S-2", Ct));
        await using var db = bots.Database.CreateContext();
        Assert.Null((await db.EnrolmentRequests.SingleAsync(Ct)).Photo);
        Assert.False(await db.StudentBindings.AnyAsync(Ct));
    }

    [Fact]
    public async Task Forget_RemovesTheIdPhotoMadeFromTheNote_AndKeepsTheMark()
    {
        await using var bots = await BotsHost.StartAsync(settings: SelfEnrolment);
        var teacher = bots.Emulator.CreateUser("Rao");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        await EnrolAsync(asha, bots.StudentBot, "S-1", [1, 2, 3], Invitation("Asha", "CS-A"), TimeSpan.FromSeconds(20));
        await teacher.PressButtonAsync(bots.TeacherBot, await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct), "Approve");
        Assert.Equal(Enrolled("S-1"), await asha.ReplyAsync(bots.StudentBot));
        await AbuseSteps.CheckInAsync(bots, asha, "S-1", otp);

        await asha.SendCommandAsync(bots.StudentBot, "/mydata");
        var kept = await asha.ReplyAsync(bots.StudentBot);
        await asha.SendCommandAsync(bots.StudentBot, "/forget");
        await asha.PressButtonAsync(bots.StudentBot, await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct), "Yes, remove");
        var done = await asha.ReplyAsync(bots.StudentBot);
        var held = await asha.ReplyAsync(bots.StudentBot);

        Assert.Contains("; ID photo made from your own video note: S-1 (enrolled)", kept, StringComparison.Ordinal);
        Assert.Equal("The binding of S-1 stays until the report of today's class is sent, as this account checked in under it. Send /forget again after the report.", held);
        Assert.Equal("Done: removed 0 binding(s), 0 cached face embedding(s), 0 video-note embedding(s) and 0 review picture(s), and the ID photo made from your video note. "
            + "Attendance records stay. The next check-in binds your ID again.", done);
        Assert.Null(await bots.Photos.FindAsync("S-1", Ct));
        await using var db = bots.Database.CreateContext();
        Assert.Equal(EnrolmentState.Forgotten, (await db.EnrolmentRequests.SingleAsync(Ct)).State);
        Assert.Equal(Rollcall.Attendance.MarkStatus.Present, (await db.Marks.SingleAsync(Ct)).Status);
        Assert.EndsWith("enrolments 1, enrolled photos removed S-1", (await db.AuditLog.SingleAsync(a => a.Action == "forget", Ct)).Detail, StringComparison.Ordinal);
    }
}
