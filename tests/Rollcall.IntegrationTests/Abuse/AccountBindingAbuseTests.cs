using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>One account marks one student: the first accepted code entry binds the ID; another account, a second ID, and a /forget mid-class are refused.</summary>
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

    [Fact]
    public async Task UnboundIdTakenAtTheCode_LeavesNoAttemptsToBurn_AnotherAccountIsRefusedAtTheCode()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var ben = bots.Emulator.CreateUser("Ben");
        await AtLocationAsync(bots, ben, "S-2", otp);
        var mallory = bots.Emulator.CreateUser("Mallory");
        await AtCodeAsync(bots, mallory, "S-2");
        var before = await SnapshotAsync(bots, mallory);

        await mallory.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal("This student ID is registered to another Telegram account. Your teacher has been told: if this is your new account, they can unbind the ID so you can check in from it.", await mallory.ReplyAsync(bots.StudentBot));
        Assert.Equal(before with { Conversation = "" }, await SnapshotAsync(bots, mallory));
        Assert.Equal(new StoredState(1, 0, 0, 0, 1, 1, 0, ""), before with { Conversation = "" }); // Ben is checking in: his mark, no attempt
        await using var db = bots.Database.CreateContext();
        Assert.Equal(ben.Id, await db.StudentBindings.Where(b => b.StudentId == "S-2").Select(b => b.TelegramUserId).SingleAsync(Ct));
        await AssertRefusalAuditedAsync(bots, mallory.Id, "S-2", "refused-bound-id");
    }

    [Fact]
    public async Task AccountBoundToOneIdOfTheClass_CannotTakeASecondAtTheCode()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var mallory = bots.Emulator.CreateUser("Mallory");
        await AtLocationAsync(bots, mallory, "S-1", otp);
        await AtCodeAsync(bots, mallory, "S-2");
        var before = await SnapshotAsync(bots, mallory);

        await mallory.SendTextAsync(bots.StudentBot, otp);

        Assert.Equal("You already checked in under another student ID in this session. One account marks one student; your teacher has been told.",
            await mallory.ReplyAsync(bots.StudentBot));
        Assert.Equal(before with { Conversation = "" }, await SnapshotAsync(bots, mallory));
        Assert.Equal(1, before.Bindings);
        await AssertRefusalAuditedAsync(bots, mallory.Id, "S-2", "refused-second-id");
    }

    [Fact]
    public async Task Forget_WithAMarkInAnOpenSession_KeepsTheBinding_SoASecondAccountIsStillRefused()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var asha = bots.Emulator.CreateUser("Asha");
        await CheckInAsync(bots, asha, "S-1", otp);
        await asha.SendCommandAsync(bots.StudentBot, "/forget");
        var confirm = await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        await asha.PressButtonAsync(bots.StudentBot, confirm, "Yes, remove");
        var done = await asha.ReplyAsync(bots.StudentBot);
        var held = await asha.ReplyAsync(bots.StudentBot);
        var friend = bots.Emulator.CreateUser("Friend");
        await AtCodeAsync(bots, friend, "S-1");
        var before = await SnapshotAsync(bots, friend);

        await friend.SendTextAsync(bots.StudentBot, otp);

        Assert.StartsWith("Done: removed 0 binding(s), ", done, StringComparison.Ordinal);
        Assert.Equal("The binding of S-1 stays until the report of today's class is sent, as this account checked in under it. Send /forget again after the report.", held);
        Assert.Equal("This student ID is registered to another Telegram account. Your teacher has been told: if this is your new account, they can unbind the ID so you can check in from it.", await friend.ReplyAsync(bots.StudentBot));
        Assert.Equal(before with { Conversation = "" }, await SnapshotAsync(bots, friend));
        await using var db = bots.Database.CreateContext();
        Assert.Equal(asha.Id, await db.StudentBindings.Where(b => b.StudentId == "S-1").Select(b => b.TelegramUserId).SingleAsync(Ct));
    }

    private static async Task AssertRefusalAuditedAsync(BotsHost bots, long userId, string studentId, string action)
    {
        await using var db = bots.Database.CreateContext();
        var entry = await db.AuditLog.OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal(($"telegram:{userId}", action, studentId), (entry.Actor, entry.Action, entry.StudentId));
        Assert.NotNull(entry.SessionId);
    }
}
