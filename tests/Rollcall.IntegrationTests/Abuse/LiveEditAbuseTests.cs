using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;
using static Rollcall.IntegrationTests.Reports.LeftAreaSteps;
using RollSteps = Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>
/// Issue 16 items 2, 3 and 6 from a hostile student's phone: edited messages (live-location fixes far away or too late,
/// a text edited into the code), a replayed review decision, and an account that used up a bound ID's attempts.
/// </summary>
public sealed class LiveEditAbuseTests
{
    [Fact]
    public async Task ForgedFixFarAway_AfterTheCheckIn_IsSilent_AndOnlyNotedForTheTeacher()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var asha = bots.Emulator.CreateUser("Asha");
        var live = await CheckInSharingAsync(bots, asha, "S-1", otp);
        var before = await SnapshotAsync(bots, asha);

        // A userbot moves its own live location 300 m away: no answer, the mark stands, the report will say so.
        await asha.EditLiveLocationAsync(bots.StudentBot, live, FarLatitude, Longitude, horizontalAccuracy: 5);

        await NoMessageInChatAsync(bots, bots.StudentBot, asha.Id);
        Assert.Equal(before, await SnapshotAsync(bots, asha));
        Assert.Equal(FarMetres, (await LeftAsync(bots, "S-1")).Metres!.Value, 0.001);
        await using var db = bots.Database.CreateContext();
        Assert.Equal(MarkStatus.Present, (await db.Marks.SingleAsync(m => m.StudentId == "S-1", Ct)).Status);
    }

    [Fact]
    public async Task FixFarAway_AfterTheReport_ChangesNothing()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 10, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        var live = await CheckInSharingAsync(bots, asha, "S-1", otp);
        var (report, _) = await ReportAsync(bots, teacher);
        var before = await SnapshotAsync(bots, asha);

        await asha.EditLiveLocationAsync(bots.StudentBot, live, FarLatitude, Longitude, horizontalAccuracy: 5);

        await NoMessageInChatAsync(bots, bots.StudentBot, asha.Id);
        Assert.Equal(before, await SnapshotAsync(bots, asha));
        Assert.Equal((null, null, 0), await LeftAsync(bots, "S-1"));
        Assert.Contains("\nPresent:\nS-1 - Asha\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodeEditedIntoTheRightOne_IsNotRead()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var asha = bots.Emulator.CreateUser("Asha");
        await AtCodeAsync(bots, asha, "S-1");
        var typo = await asha.SendTextAsync(bots.StudentBot, "12345");
        Assert.Equal(BadOtp, await asha.ReplyAsync(bots.StudentBot));
        var before = await SnapshotAsync(bots, asha);

        // An edit is not a new answer: only a message sent now is read.
        await asha.EditTextAsync(bots.StudentBot, typo, otp);

        await NoMessageInChatAsync(bots, bots.StudentBot, asha.Id);
        Assert.Equal(before, await SnapshotAsync(bots, asha));
        await asha.SendTextAsync(bots.StudentBot, otp);
        Assert.StartsWith("Welcome Asha", await asha.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveFixFarAway_FromAStudentWithNoCheckIn_ChangesNothing()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var ben = bots.Emulator.CreateUser("Ben");
        var live = await ben.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.Equal(StudentNotUnderstood, await ben.ReplyAsync(bots.StudentBot));
        await AtLocationAsync(bots, bots.Emulator.CreateUser("Asha"), "S-1", otp);
        var before = await SnapshotAsync(bots, ben);

        await ben.EditLiveLocationAsync(bots.StudentBot, live, FarLatitude, Longitude, horizontalAccuracy: 5);

        await NoMessageInChatAsync(bots, bots.StudentBot, ben.Id);
        Assert.Equal(before, await SnapshotAsync(bots, ben));
        await using var db = bots.Database.CreateContext();
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.LeftArea, Ct));
    }

    [Fact]
    public async Task TeachersEditedText_IsNotReadAgain()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var batches = await TeacherAtBatchesAsync(bots, teacher);
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        // A text the teacher sent, edited into a command: edits of texts ask for no answer on either bot.
        var sent = await teacher.SendTextAsync(bots.TeacherBot, "CS-A");
        Assert.Equal(UseTheButtons, await teacher.ReplyAsync(bots.TeacherBot));
        await teacher.EditTextAsync(bots.TeacherBot, sent, "/cancel");

        await NoMessageInChatAsync(bots, bots.TeacherBot, teacher.Id);
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
        Assert.NotNull(teacher.CurrentMessage(bots.TeacherBot, batches.MessageId));
    }

    [Fact]
    public async Task ReplayedReviewApproval_AfterTheDecision_DecidesNothingTwice()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, asha, "S-1", otp);
        bots.Faces.Next = new FaceCheck.Mismatch(65, 0.9, 12, 70);
        await asha.SendVideoNoteAsync(bots.StudentBot, [7, 7]);
        await asha.ReplyAsync(bots.StudentBot);
        await asha.ReplyAsync(bots.StudentBot);
        var review = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        var approve = review.Button("Approve").CallbackData!;
        await teacher.PressButtonAsync(bots.TeacherBot, review, "Approve");
        Assert.Equal("Approved: S-1 - Asha is marked present.", await teacher.ReplyAsync(bots.TeacherBot));
        Assert.StartsWith("Your teacher approved your check-in: present in Maths.", await asha.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
        var before = await SnapshotAsync(bots, teacher, "Teacher");
        int audited;
        await using (var db = bots.Database.CreateContext())
        {
            audited = await db.AuditLog.CountAsync(Ct);
        }

        // The same callback again (a replay, or a second instance handling a redelivery).
        await teacher.ForgeCallbackAsync(bots.TeacherBot, review, approve);

        Assert.Equal("This check-in was already decided (approved).", await teacher.ReplyAsync(bots.TeacherBot));
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
        await NoMessageInChatAsync(bots, bots.StudentBot, asha.Id);
        await using (var db = bots.Database.CreateContext())
        {
            Assert.Equal(audited, await db.AuditLog.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task AccountThatUsedUpABoundIdsAttempts_IsUnbound_AndTheOwnerStillHasTheirs()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["FACE_VERIFICATION_MAX_RETRIES"] = "0" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var code = RollSteps.CodeOf(await RollSteps.OpenRosterAsync(bots, teacher));

        // Mallory holds the code and enters Ben's ID first: the ID is bound to her, and her note uses its one attempt.
        var mallory = bots.Emulator.CreateUser("Mallory");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, mallory, "S-2", code);
        bots.Faces.Next = new FaceCheck.Mismatch(20, 0.9, 12, 70);
        await mallory.SendVideoNoteAsync(bots.StudentBot, [6, 6]);
        await mallory.ReplyAsync(bots.StudentBot);
        await mallory.ReplyAsync(bots.StudentBot);
        var ben = bots.Emulator.CreateUser("Ben");
        var refused = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, ben, "S-2", code);
        BotMessage notice;
        do
        {
            notice = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        }
        while (!notice.Buttons.Any(b => b.Text == "Unbind ID"));

        await RollSteps.TapAsync(bots, teacher, notice, "Unbind ID");
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await ben.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var welcome = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, ben, "S-2", code);

        Assert.StartsWith("This student ID is registered to another Telegram account.", refused, StringComparison.Ordinal);
        Assert.StartsWith("Welcome Ben, batch CS-A", welcome, StringComparison.Ordinal);
        await using (var db = bots.Database.CreateContext())
        {
            var mark = await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == "S-2", Ct);
            Assert.Equal((MarkStatus.Pending, 0, ben.Id), (mark.Status, mark.AttemptsUsed, mark.TelegramUserId));
            var setAside = await db.AuditLog.SingleAsync(a => a.Action == AuditAction.AttemptsSetAside, Ct);
            Assert.Equal(("S-2", "was refused, 1 attempt(s) used by another account"), (setAside.StudentId, setAside.Detail));
        }

        await ben.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        await ben.ReplyAsync(bots.StudentBot);
        bots.Faces.Next = new FaceCheck.Match(90, 0.9, 12, 70);
        await ben.SendVideoNoteAsync(bots.StudentBot, [8, 8]);
        await ben.ReplyAsync(bots.StudentBot);
        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(await ben.ReplyAsync(bots.StudentBot)).Body);
    }
}
