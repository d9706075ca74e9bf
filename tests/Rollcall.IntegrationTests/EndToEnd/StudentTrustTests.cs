using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>
/// One face for two IDs, receipts the teacher can check, and a student's /mydata and /forget, on the real engine with
/// real clips. ST-012 is enrolled with ST-001's photo: one person holds two IDs.
/// </summary>
public sealed class StudentTrustTests(FacesFixture faces)
{
    [Fact]
    public async Task OneFaceForTwoIds_TheSecondIsRefused_AndTheTeacherIsWarned()
    {
        await using var stack = await StartAsync();
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101", "B-102"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");
        var friend = stack.Emulator.CreateUser("Friend's phone");
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        Assert.Equal("Attendance marked: present in Python.", await SendVideoNoteAsync(stack, alice, EndToEndClips.AliceLive(stack.FaceEngine)));

        await UpToVideoNoteAsync(stack, friend, "ST-012", otp);
        var second = await SendVideoNoteAsync(stack, friend, EndToEndClips.AliceAgain(stack.FaceEngine));
        var warning = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);

        Assert.Equal("This face has already marked another student present in this class, so I cannot mark this ID. Your teacher has been told: if this is a mistake, they can mark you.", second);
        Assert.Matches(@"^Warning: one person marking for two IDs\? The face in ST-012 - Feruza Yusupova's video note looks more like ST-001, already marked present, than ST-012's own ID photo \(similarity \d+\.\d vs \d+\.\d\)\. ST-012 was refused\.$",
            warning.Text);
        Assert.Equal(["Mark present"], warning.Buttons.Select(b => b.Text));
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var mark = await db.Marks.SingleAsync(m => m.StudentId == "ST-012", Ct);
        Assert.Equal((MarkStatus.Refused, "collusion:ST-001"), (mark.Status, mark.Reason));
        Assert.Equal("refused-collusion", (await db.AuditLog.SingleAsync(a => a.StudentId == "ST-012", Ct)).Action);
        Assert.Equal(friend.Id, await db.StudentBindings.Where(b => b.StudentId == "ST-012").Select(b => b.TelegramUserId).SingleAsync(Ct)); // bound at the code
    }

    [Fact]
    public async Task Receipt_IsVerifiedByTheTeacher_AndAnAlteredOrTamperedOneIsRejected()
    {
        await using var stack = await StartAsync();
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        var (_, receipt) = await SendVideoNoteWithReceiptAsync(stack, alice, EndToEndClips.AliceLive(stack.FaceEngine));
        var altered = receipt[..^1] + (receipt[^1] == '7' ? '8' : '7');

        var genuine = await AskAsync(stack, teacher, "/receipt " + receipt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        var forged = await AskAsync(stack, teacher, "/receipt " + altered);
        var empty = await AskAsync(stack, teacher, "/receipt");
        await using (var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext())
        {
            await db.Receipts.ExecuteUpdateAsync(s => s.SetProperty(r => r.Decision, "refused (Mismatch)"), Ct);
        }

        var tampered = await AskAsync(stack, teacher, "/receipt " + receipt);
        var fromAStudent = await AskAsync(stack, alice, "/receipt " + receipt, student: true);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Matches($@"^Receipt {receipt} is genuine\.\nStudent: ST-001 - Alice Karimova\nClass: Python, {today}\nDecision: present\nTime: {today} \d\d:\d\d:\d\d UTC$", genuine);
        Assert.Equal($"Receipt {altered} is not valid: no decision in your sessions carries this code. It may be mistyped, altered or made up.", forged);
        Assert.Equal("Send /receipt followed by the code from the student's message, e.g. /receipt 7KQ2M-X9D4R.", empty);
        Assert.Equal($"Receipt {receipt} is not valid: no decision in your sessions carries this code. It may be mistyped, altered or made up.", tampered);
        Assert.StartsWith("I did not understand that.", fromAStudent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_ShowsWhatIsKept_AndForget_RemovesFaceData_KeepsTheMark_AndTheBindingWhileTheClassIsOpen()
    {
        await using var stack = await StartAsync();
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        Assert.Equal("Attendance marked: present in Python.", await SendVideoNoteAsync(stack, alice, EndToEndClips.AliceLive(stack.FaceEngine)));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var before = await AskAsync(stack, alice, "/mydata", student: true);
        await alice.SendCommandAsync(stack.StudentBot, "/forget");
        var confirm = await alice.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        await alice.PressButtonAsync(stack.StudentBot, confirm, "Yes, remove");
        var done = await alice.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        var held = await alice.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        var after = await AskAsync(stack, alice, "/mydata", student: true);

        Assert.Equal($"What Rollcall keeps about you:\nStudent IDs bound to this Telegram account: ST-001 (since {today})\nAttendance records: 1\n- {today} Python (ST-001): present\n"
            + "Face data: ID photo embedding cached for ST-001; face embeddings from your video notes: 1\nReview pictures kept: 0\n\n"
            + "/forget removes the binding and the face data. Attendance already recorded stays (and what the LMS has).", before);
        Assert.Equal("This removes the binding of ST-001 to this Telegram account and the face data computed from your photos and video notes. Attendance already recorded stays. Remove them?",
            confirm.Text);
        Assert.Equal(["Yes, remove", "No, keep"], confirm.Buttons.Select(b => b.Text));
        Assert.Equal("Done: removed 0 binding(s), 1 cached face embedding(s), 1 video-note embedding(s) and 0 review picture(s). Attendance records stay. The next check-in binds your ID again.",
            done.Text);
        Assert.Equal("The binding of ST-001 stays until the report of today's class is sent, as this account checked in under it. Send /forget again after the report.", held.Text);
        Assert.Equal($"What Rollcall keeps about you:\nStudent IDs bound to this Telegram account: ST-001 (since {today})\nAttendance records: 1\n- {today} Python (ST-001): present\n"
            + "Face data: ID photo embedding cached for none; face embeddings from your video notes: 0\nReview pictures kept: 0\n\n"
            + "/forget removes the binding and the face data. Attendance already recorded stays (and what the LMS has).", after);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        Assert.Equal(MarkStatus.Present, (await db.Marks.SingleAsync(Ct)).Status);
        Assert.Equal("ST-001", (await db.StudentBindings.SingleAsync(Ct)).StudentId);
        Assert.Empty(await db.FaceEmbeddings.ToListAsync(Ct));
        Assert.Equal("forget", (await db.AuditLog.OrderBy(a => a.Id).LastAsync(Ct)).Action);
    }

    private async Task<LmsClassStack> StartAsync() =>
        await LmsClassStack.StartAsync(faces, otpSeconds: 3600, photos: new Dictionary<string, string>
        {
            ["ST-001"] = TestFaces.Person01,
            ["ST-012"] = TestFaces.Person01,
        });

    private static async Task<string> AskAsync(LmsClassStack stack, EmulatedUser user, string command, bool student = false)
    {
        var bot = student ? stack.StudentBot : stack.TeacherBot;
        await user.SendCommandAsync(bot, command);
        return (await user.NextMessageAsync(bot, cancellationToken: Ct)).Text!;
    }
}
