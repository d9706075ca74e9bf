using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Guessing class codes and student IDs: per account (OTP_MAX_FAILED_TRIES) and per session across accounts (OTP_SESSION_MAX_FAILED_TRIES).</summary>
public sealed class OtpGuessingAbuseTests
{
    [Fact]
    public async Task FiveWrongPairs_LockTheAccountOut_WithTheTimeLeft_AndTheRightCodeWaits()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var guesser = bots.Emulator.CreateUser("Mallory");
        await AtCodeAsync(bots, guesser, "S-1");
        var wrong = Wrong(otp);

        List<string> answers = [];
        for (var i = 0; i < 5; i++)
        {
            await guesser.SendTextAsync(bots.StudentBot, wrong);
            answers.Add(await guesser.ReplyAsync(bots.StudentBot));
        }

        var before = await SnapshotAsync(bots, guesser);
        await guesser.SendTextAsync(bots.StudentBot, otp);
        var rightCodeWhileLocked = await guesser.ReplyAsync(bots.StudentBot);

        Assert.Equal(
            [.. Enumerable.Range(1, 4).Reverse().Select(left =>
                $"Student ID S-1 was not found in a session with this code, or the code has expired. Check the code and send it again ({left} tries left), or /start to change your ID."),
            "Too many wrong codes. Try again in 600 seconds."],
            answers);
        Assert.Matches(@"^Too many wrong codes\. Try again in (59\d|600) seconds\.$", rightCodeWhileLocked);
        Assert.Equal(before, await SnapshotAsync(bots, guesser));
        Assert.Equal(new StoredState(0, 0, 0, 0, 1, 0, 5, before.Conversation), before);
        await using var db = bots.Database.CreateContext();
        Assert.Equal("locked-out", await db.AuditLog.Where(a => a.Actor == $"telegram:{guesser.Id}").OrderBy(a => a.Id).Select(a => a.Action).LastAsync(Ct));
    }

    [Fact]
    public async Task GuessingIdsWithTheRightCode_AcrossAccounts_IsLimitedPerSession_WhileARealStudentStillGetsIn()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["OTP_SESSION_MAX_FAILED_TRIES"] = "3" });
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));

        List<string> answers = [];
        for (var account = 1; account <= 4; account++)
        {
            var guesser = bots.Emulator.CreateUser($"Sock{account}");
            await AtCodeAsync(bots, guesser, $"S-{100 + account}");
            await guesser.SendTextAsync(bots.StudentBot, otp);
            answers.Add(await guesser.ReplyAsync(bots.StudentBot));
            if (account == 4)
            {
                await guesser.SendTextAsync(bots.StudentBot, otp);
                answers.Add(await guesser.ReplyAsync(bots.StudentBot));
            }
        }

        var asha = bots.Emulator.CreateUser("Asha");
        await AtCodeAsync(bots, asha, "S-1");
        await asha.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal(
            [.. Enumerable.Range(101, 3).Select(id => NotFound($"S-{id}", 4)), NotFound("S-104", 1), "Too many wrong codes. Try again in 600 seconds."],
            answers);
        Assert.Equal("Welcome Asha, batch CS-A. Share your live location: tap the paperclip, Location, \"Share my live location\".", await asha.ReplyAsync(bots.StudentBot));
        await using var db = bots.Database.CreateContext();
        // Only the real student is checking in (she gave the code); the guessers left no mark.
        Assert.Equal([("S-1", Rollcall.Attendance.MarkStatus.Pending)], (await db.Marks.ToListAsync(Ct)).Select(m => (m.StudentId, m.Status)));
        Assert.Equal(["wrong-id", "wrong-id", "wrong-id", "wrong-id", "wrong-id", "locked-out"],
            await db.AuditLog.Where(a => a.Action != "session-opened").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task SessionPastItsIdGuessingLimit_LeavesAnHonestStudentsFirstTypo_ATryLeft()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["OTP_SESSION_MAX_FAILED_TRIES"] = "3" });
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        for (var account = 1; account <= 3; account++)
        {
            var guesser = bots.Emulator.CreateUser($"Sock{account}");
            await AtCodeAsync(bots, guesser, $"S-{100 + account}");
            await guesser.SendTextAsync(bots.StudentBot, otp);
            Assert.Equal(NotFound($"S-{100 + account}", 4), await guesser.ReplyAsync(bots.StudentBot));
        }

        var asha = bots.Emulator.CreateUser("Asha");
        await AtCodeAsync(bots, asha, "S-11");
        var before = await SnapshotAsync(bots, asha);
        await asha.SendTextAsync(bots.StudentBot, otp);
        var typo = await asha.ReplyAsync(bots.StudentBot);
        var afterTypo = await SnapshotAsync(bots, asha);
        await AtCodeAsync(bots, asha, "S-1");
        await asha.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal(NotFound("S-11", 1), typo);
        Assert.Equal(before with { OtpFailures = before.OtpFailures + 1 }, afterTypo);
        Assert.Equal("Welcome Asha, batch CS-A. Share your live location: tap the paperclip, Location, \"Share my live location\".", await asha.ReplyAsync(bots.StudentBot));
    }

    [Fact]
    public async Task GuessingTheCode_AcrossAccounts_IsLimitedPerSession_AndTheRightCodeStillWorks()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["OTP_SESSION_MAX_WRONG_CODES"] = "3" });
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var wrong = Wrong(otp);

        List<string> answers = [];
        EmulatedUser? last = null;
        for (var account = 1; account <= 4; account++)
        {
            last = bots.Emulator.CreateUser($"Sock{account}");
            await AtCodeAsync(bots, last, "S-2");
            await last.SendTextAsync(bots.StudentBot, wrong);
            answers.Add(await last.ReplyAsync(bots.StudentBot));
        }

        var before = await SnapshotAsync(bots, last!);
        await last!.SendTextAsync(bots.StudentBot, wrong);
        answers.Add(await last.ReplyAsync(bots.StudentBot));

        // Taken before Ben writes: chats are handled at once, so his binding could land in a later snapshot.
        var afterLockOut = await SnapshotAsync(bots, last);
        var ben = bots.Emulator.CreateUser("Ben");
        await AtCodeAsync(bots, ben, "S-2");
        await ben.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal([NotFound("S-2", 4), NotFound("S-2", 4), NotFound("S-2", 4), NotFound("S-2", 1), "Too many wrong codes. Try again in 600 seconds."], answers);
        Assert.Equal(before with { OtpFailures = before.OtpFailures + 1 }, afterLockOut);
        Assert.Equal("Welcome Ben, batch CS-A. Share your live location: tap the paperclip, Location, \"Share my live location\".", await ben.ReplyAsync(bots.StudentBot));
        await using var db = bots.Database.CreateContext();
        Assert.Equal(["wrong-code", "wrong-code", "wrong-code", "wrong-code", "wrong-code", "locked-out"],
            await db.AuditLog.Where(a => a.Action != "session-opened" && a.Action != "bound").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal("session's wrong-code limit reached", await db.AuditLog.Where(a => a.Action == "locked-out").Select(a => a.Detail).SingleAsync(Ct));
    }

    private static string NotFound(string id, int left) =>
        $"Student ID {id} was not found in a session with this code, or the code has expired. Check the code and send it again ({left} tries left), or /start to change your ID.";

    private static string Wrong(string otp) =>
        ((int.Parse(otp, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
