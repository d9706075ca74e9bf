using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>One account marks one student: an ID bound to another account, and a second ID from one account, are refused at the code.</summary>
public sealed class AccountBindingAbuseTests
{
    [Fact]
    public async Task IdMarkedFromAnotherAccount_IsRefused_WithoutAMarkOrAnAttempt()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        await CheckInAsync(bots, bots.Emulator.CreateUser("Asha"), "S-1", otp);
        var friend = bots.Emulator.CreateUser("Friend");
        await AtCodeAsync(bots, friend, "S-1");
        var before = await SnapshotAsync(bots, friend);

        await friend.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal("This student ID is registered to another Telegram account. Your teacher has been told: if this is your new account, they can unbind the ID so you can check in from it.", await friend.ReplyAsync(bots.StudentBot));
        Assert.Equal(before with { Conversation = "" }, await SnapshotAsync(bots, friend));
        await AssertRefusalAuditedAsync(bots, friend.Id, "S-1", "refused-bound-id");
    }

    [Fact]
    public async Task SecondIdFromOneAccount_IsRefused_WithoutAMarkOrAnAttempt()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var asha = bots.Emulator.CreateUser("Asha");
        await CheckInAsync(bots, asha, "S-1", otp);
        await AtCodeAsync(bots, asha, "S-2");
        var before = await SnapshotAsync(bots, asha);

        await asha.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal("You already checked in under another student ID in this session. One account marks one student; your teacher has been told.",
            await asha.ReplyAsync(bots.StudentBot));
        Assert.Equal(before with { Conversation = "" }, await SnapshotAsync(bots, asha));
        await AssertRefusalAuditedAsync(bots, asha.Id, "S-2", "refused-second-id");
    }

    private static async Task AssertRefusalAuditedAsync(BotsHost bots, long userId, string studentId, string action)
    {
        await using var db = bots.Database.CreateContext();
        var entry = await db.AuditLog.OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal(($"telegram:{userId}", action, studentId), (entry.Actor, entry.Action, entry.StudentId));
        Assert.NotNull(entry.SessionId);
    }
}
