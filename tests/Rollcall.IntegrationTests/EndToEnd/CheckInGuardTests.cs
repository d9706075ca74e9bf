using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Clips;
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
    public async Task Challenge_IsAskedInOneLine_TheNoteIsJudgedOnIt_AndARetryIsAskedSomethingNew()
    {
        // d18 opens the mouth wide (2.1 s) then blinks (3.1 s); its ID photo is a frame from the recording's other end.
        var cache = Directory.CreateTempSubdirectory("rollcall-challenge-e2e-");
        try
        {
            var corpus = new LivenessCorpus(SampleData.Recordings, null, cache.FullName);
            var live = await corpus.WindowAsync("d18", 1.4, 2.2, 384, Ct, mirrored: true);
            var still = (await corpus.AttacksAsync([384], ["still"], Ct)).Single(c => c.Person == "d18");
            await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600,
                photos: new Dictionary<string, string> { ["ST-012"] = live.Reference, ["ST-013"] = live.Reference },
                settings: new Dictionary<string, string?> { ["ATTENDANCE_CHALLENGE"] = "on", ["DUPLICATE_FACE_CHECK"] = "false" });
            var otp = await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-102"], "Python");

            var honest = stack.Emulator.CreateUser("Gulnora");
            var asked = await AskedChallengeAsync(stack, honest, "ST-013", otp);
            var answer = await SendVideoNoteAsync(stack, honest, await File.ReadAllBytesAsync(live.Path, Ct));

            var replayer = stack.Emulator.CreateUser("Feruza");
            await AskedChallengeAsync(stack, replayer, "ST-012", otp);
            var photo = await SendVideoNoteAsync(stack, replayer, await File.ReadAllBytesAsync(still.Path, Ct));

            if (asked == "open your mouth wide, then blink")
            {
                Assert.Equal("Attendance marked: present in Python.", answer);
            }
            else
            {
                // Any other of the six: the part not seen, then the retry's own challenge, never the one just asked.
                var retry = Regex.Match(answer, @"^The video note (did not show you|showed you) .+ 1 attempt\(s\) left: record a new video note\. This time, while recording, look at the camera and (.+, then .+)\.$");
                Assert.True(retry.Success, answer);
                Assert.NotEqual(asked, retry.Groups[2].Value);
            }

            Assert.DoesNotContain("Attendance marked", photo, StringComparison.Ordinal);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    /// <summary>Goes up to the video note and returns the two actions asked for ("smile, then blink").</summary>
    private static async Task<string> AskedChallengeAsync(LmsClassStack stack, EmulatedUser student, string studentId, string otp)
    {
        Assert.StartsWith("Welcome ", await SendIdAndCodeAsync(stack, student, studentId, otp), StringComparison.Ordinal);
        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        var ask = (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!;
        var asked = Regex.Match(ask, @"\nWhile recording, look at the camera and ((blink|smile|open your mouth wide), then (blink|smile|open your mouth wide))\.$");
        Assert.True(asked.Success, ask);
        return asked.Groups[1].Value;
    }
}
