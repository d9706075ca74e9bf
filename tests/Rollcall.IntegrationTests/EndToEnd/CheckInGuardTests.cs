using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>
/// Account binding, replayed video notes and the active challenge over HTTP, on the real engine with real clips.
/// </summary>
public sealed class CheckInGuardTests(FacesFixture faces)
{
    private const string BoundElsewhere = "This student ID is registered to another Telegram account. Your teacher has been told: if this is your new account, they can unbind the ID so you can check in from it.";
    private const string SecondId = "You already checked in under another student ID in this session. One account marks one student; your teacher has been told.";

    [Fact]
    public async Task BoundId_FromAnotherAccount_AndASecondIdFromOneAccount_AreRefused_WithoutAnyJob()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600,
            photos: new Dictionary<string, string> { ["ST-001"] = TestFaces.Person01, ["ST-002"] = TestFaces.Person02 });
        var otp = await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-101"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        Assert.Equal("Attendance marked: present in Python.", await SendVideoNoteAsync(stack, alice, EndToEndClips.AliceLive(stack.FaceEngine)));

        var borrowed = await SendIdAndCodeAsync(stack, stack.Emulator.CreateUser("Someone"), "ST-001", otp);
        var secondId = await SendIdAndCodeAsync(stack, alice, "ST-002", otp);

        Assert.Equal(BoundElsewhere, borrowed);
        Assert.Equal(SecondId, secondId);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        Assert.Equal(1, await db.VerificationJobs.CountAsync(Ct));
        Assert.False(await db.Marks.AnyAsync(m => m.StudentId == "ST-002", Ct));
    }

    [Fact]
    public async Task VideoNoteSentAgain_WithTheSameFile_IsRefused_AndUsesNoAttempt()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600,
            photos: new Dictionary<string, string> { ["ST-001"] = TestFaces.Person01 });
        var otp = await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-101"], "Python");
        var student = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, student, "ST-001", otp);
        Assert.StartsWith("Confidence ", await SendVideoNoteAsync(stack, student, EndToEndClips.BoburLive(stack.FaceEngine)), StringComparison.Ordinal);

        await student.ResendLastVideoNoteAsync(stack.StudentBot);
        var replay = await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);

        Assert.Equal("This video note was already used. Record a new one.", replay.Text);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var mark = await db.Marks.SingleAsync(Ct);
        Assert.Equal((MarkStatus.Pending, 1), (mark.Status, mark.AttemptsUsed));
        Assert.Equal(1, await db.VerificationJobs.CountAsync(Ct));
    }

    [Fact]
    public async Task TurnChallenge_TheAskedTurnPasses_TheOtherTurnAndAStillPhotoFail()
    {
        // DUPLICATE_FACE_CHECK off: person05 plays both IDs here.
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600,
            photos: new Dictionary<string, string> { ["ST-012"] = TestFaces.Person("person05", "img17.jpg"), ["ST-013"] = TestFaces.Person("person05", "img17.jpg") },
            settings: new Dictionary<string, string?> { ["ATTENDANCE_CHALLENGE"] = "turn", ["DUPLICATE_FACE_CHECK"] = "false" });
        var otp = await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-102"], "Python");
        var turnedLeft = await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedLeftOfImage);
        var turnedRight = await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedRightOfImage);
        var still = await faces.Clips.StillAsync(TestFaces.Person05Frontal);

        var honest = stack.Emulator.CreateUser("Gulnora");
        var honestSide = await AskedSideAsync(stack, honest, "ST-013", otp);
        var passed = await SendVideoNoteAsync(stack, honest, honestSide == "left" ? turnedLeft : turnedRight);

        var wrong = stack.Emulator.CreateUser("Feruza");
        var wrongSide = await AskedSideAsync(stack, wrong, "ST-012", otp);
        var otherWay = await SendVideoNoteAsync(stack, wrong, wrongSide == "left" ? turnedRight : turnedLeft);
        var photo = await SendVideoNoteAsync(stack, wrong, still);

        Assert.Equal("Attendance marked: present in Python.", passed);
        Assert.Equal("The requested movement was not seen in the video note. 1 attempt(s) left: record a new video note.", otherWay);
        Assert.Contains(photo, new[]
        {
            "The requested movement was not seen in the video note. No attempts left. Your teacher has been told and can mark you or give you another try.",
            "The video note did not look live (a photo or a screen?). No attempts left. Your teacher has been told and can mark you or give you another try.",
        });
    }

    /// <summary>Goes up to the video note and returns the side the bot asked for ("left" or "right").</summary>
    private static async Task<string> AskedSideAsync(LmsClassStack stack, EmulatedUser student, string studentId, string otp)
    {
        Assert.StartsWith("Welcome ", await SendIdAndCodeAsync(stack, student, studentId, otp), StringComparison.Ordinal);
        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        var ask = (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!;
        Assert.Matches(@" While recording, look at the camera, then turn your head to your (left|right)\.$", ask);
        return ask.EndsWith("left.", StringComparison.Ordinal) ? "left" : "right";
    }
}
