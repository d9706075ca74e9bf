using Microsoft.EntityFrameworkCore;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Audit;

/// <summary>
/// A class played over HTTP leaves one audit row per decision, in order, with its actor, student and reason. The code
/// lives 30 s: every check-in must be done by then, and the report follows.
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task PlayedClass_LeavesEveryDecisionInTheTrail_AndTheReportCountsBindingRefusals()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 30, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        var asha = bots.Emulator.CreateUser("Asha");
        var ben = bots.Emulator.CreateUser("Ben");
        var friend = bots.Emulator.CreateUser("Friend");
        var guesser = bots.Emulator.CreateUser("Guesser");
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, teacher);

        await CheckInAsync(bots, asha, "S-1", otp);
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, ben, "S-2", otp);
        foreach (var score in new[] { 52.0, 48.0 })
        {
            bots.Faces.Next = new FaceCheck.Mismatch(score, 0.9, 12, 70);
            await ben.SendVideoNoteAsync(bots.StudentBot, [2, (byte)score]);
            await ben.ReplyAsync(bots.StudentBot);
            await ben.ReplyAsync(bots.StudentBot);
        }

        await AtCodeAsync(bots, friend, "S-1");
        await friend.SendTextAsync(bots.StudentBot, otp);
        await friend.ReplyAsync(bots.StudentBot);
        await AtCodeAsync(bots, asha, "S-3");
        await asha.SendTextAsync(bots.StudentBot, otp);
        await asha.ReplyAsync(bots.StudentBot);
        await AtCodeAsync(bots, guesser, "S-9");
        for (var i = 0; i < 5; i++)
        {
            await guesser.SendTextAsync(bots.StudentBot, otp);
            await guesser.ReplyAsync(bots.StudentBot);
        }

        // The teacher hears of each dead end first (out of attempts, the two binding refusals), then the report.
        var report = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
        for (var notices = 0; notices < 3 && !report.Text!.Contains("Present: ", StringComparison.Ordinal); notices++)
        {
            report = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
        }


        await using var db = bots.Database.CreateContext();
        var teacherId = await db.Teachers.Select(t => t.Id).SingleAsync(Ct);
        var sessionId = await db.Sessions.Select(s => s.Id).SingleAsync(Ct);
        var trail = await db.AuditLog.OrderBy(a => a.Id).ToListAsync(Ct);
        string[] wrongId = ["telegram:" + guesser.Id, "wrong-id", "S-9", ""];
        Assert.Equal(
        [
            [$"teacher:{teacherId}", "session-opened", "", "CS-A, CS-B; Maths; 3 students"],
            ["face-check", "present", "S-1", "Match, similarity 91.5, attempt 1"],
            ["face-check", "attempt-failed", "S-2", "Mismatch, similarity 52.0, attempt 1"],
            ["face-check", "refused", "S-2", "Mismatch, similarity 48.0, attempt 2"],
            ["telegram:" + friend.Id, "refused-bound-id", "S-1", ""],
            ["telegram:" + asha.Id, "refused-second-id", "S-3", "account checked in as S-1"],
            wrongId, wrongId, wrongId, wrongId, wrongId,
            ["telegram:" + guesser.Id, "locked-out", "S-9", "5 wrong codes"],
        ],
            trail.Select(a => new[] { a.Actor, a.Action, a.StudentId ?? "", a.Detail ?? "" }).ToList());
        Assert.All(trail, a => Assert.Equal(sessionId, a.SessionId));
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.At <= p.Second.At), "audit times go forward");
        Assert.Contains("Present: 1 of 3, absent: 2\nRefused: 2 (ID registered to another account / second ID from one account)\n\n", report.Text, StringComparison.Ordinal);
    }
}
