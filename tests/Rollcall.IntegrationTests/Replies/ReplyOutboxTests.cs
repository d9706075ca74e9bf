using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage.Entities;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Replies;

/// <summary>
/// Replies survive a kill (issue 16 item 1): a decision's replies are rows of its own commit, and the reply relay sends
/// them. "Killed" here is the relay not running between the commit and the send.
/// </summary>
public sealed class ReplyOutboxTests
{
    private const int JobDone = 5201;

    [Fact]
    public async Task DecisionWithNoRelayRunning_ItsReplyIsARowOfTheSameCommit_AndARelayStartedLaterSendsItOnce()
    {
        await using var bots = await BotsHost.StartAsync(captureLogs: true);
        await StopHostRelayAsync(bots);
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        await bots.NextLogAsync(TimeSpan.FromSeconds(30), JobDone);

        await using (var db = bots.Database.CreateContext())
        {
            Assert.Equal(MarkStatus.Present, await db.Marks.Select(m => m.Status).SingleAsync(Ct));
            var row = await db.Replies.SingleAsync(Ct);
            Assert.Equal((ReplyState.Pending, "Student", student.Id), (row.State, row.Bot, row.ChatId));
        }

        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);

        var relay = ActivatorUtilities.CreateInstance<ReplyRelay>(bots.Services);
        Assert.Equal(1, await relay.DeliverDueAsync(Ct));
        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(await student.ReplyAsync(bots.StudentBot)).Body);
        Assert.Equal(0, await relay.DeliverDueAsync(Ct));
        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);
        await using (var db = bots.Database.CreateContext())
        {
            Assert.Equal(ReplyState.Sent, await db.Replies.Select(r => r.State).SingleAsync(Ct));
        }
    }

    [Fact]
    public async Task AnswerLostAfterTelegramTookTheReply_TheRowIsSentAgainOnce_AndNothingElseRepeats()
    {
        await using var bots = await BotsHost.StartAsync(captureLogs: true);
        await StopHostRelayAsync(bots);
        var (asha, ben) = (await StudentAsync(bots, "Asha"), await StudentAsync(bots, "Ben"));
        var first = ActivatorUtilities.CreateInstance<ReplyRelay>(bots.Services);
        var second = ActivatorUtilities.CreateInstance<ReplyRelay>(bots.Services);
        await StoreAsync(bots, (asha.Id, "one"));

        // The first relay's call reaches Telegram, and its answer is held while its claim runs out.
        var (taken, release) = bots.StudentBot.HoldNextAnswer("sendMessage");
        var held = first.DeliverDueAsync(Ct);
        await taken.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await StoreAsync(bots, (asha.Id, "two"), (ben.Id, "three"));
        await ExpireLeasesAsync(bots);

        Assert.Equal(2, await second.DeliverDueAsync(Ct));
        release();
        Assert.Equal(1, await held);
        Assert.Equal(1, await second.DeliverDueAsync(Ct));
        Assert.Equal(0, await second.DeliverDueAsync(Ct));

        Assert.Equal(["one", "one", "two"], await MessagesAsync(bots, asha.Id, 3));
        Assert.Equal(["three"], await MessagesAsync(bots, ben.Id, 1));
        await NoMessageInChatAsync(bots, bots.StudentBot, asha.Id);
        await NoMessageInChatAsync(bots, bots.StudentBot, ben.Id);

        // The repeat is explained: claim 1 of row 1 was sending and never marked it; claim 2 sent it and marked it.
        var logs = bots.Logs.ToList();
        Assert.Contains(logs, l => l.StartsWith("5050 ", StringComparison.Ordinal) && l.Contains("row 1 claim 1", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.StartsWith("5051 ", StringComparison.Ordinal) && l.Contains("row 1 claim 1", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.StartsWith("5054 ", StringComparison.Ordinal) && l.Contains("row 1", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.StartsWith("5051 ", StringComparison.Ordinal) && l.Contains("row 1 claim 2", StringComparison.Ordinal));
        await using var db = bots.Database.CreateContext();
        Assert.Equal([2, 1, 1], await db.Replies.OrderBy(r => r.Id).Select(r => r.Claims).ToListAsync(Ct));
        Assert.All(await db.Replies.Select(r => r.State).ToListAsync(Ct), s => Assert.Equal(ReplyState.Sent, s));
    }

    [Fact]
    public async Task BlockedChatIsMarkedFailedOnce_AndA429WaitsAsAskedWithoutHoldingBackOtherChats()
    {
        await using var bots = await BotsHost.StartAsync(captureLogs: true);
        await StopHostRelayAsync(bots);
        var (asha, ben) = (await StudentAsync(bots, "Asha"), await StudentAsync(bots, "Ben"));
        var relay = ActivatorUtilities.CreateInstance<ReplyRelay>(bots.Services);

        await StoreAsync(bots, (asha.Id, "blocked"), (asha.Id, "after"));
        bots.StudentBot.FailNext("sendMessage", new BotApiFault(403, "Forbidden: bot was blocked by the user"));
        Assert.Equal(1, await relay.DeliverDueAsync(Ct));
        Assert.Equal(1, await relay.DeliverDueAsync(Ct));
        Assert.Equal(["after"], await MessagesAsync(bots, asha.Id, 1));

        await StoreAsync(bots, (ben.Id, "busy"));
        // Over the Bot API client's own 60-s retry threshold, so the client gives it back at once.
        bots.StudentBot.FailNext("sendMessage", BotApiFault.TooManyRequests(90));
        Assert.Equal(1, await relay.DeliverDueAsync(Ct));
        await StoreAsync(bots, (asha.Id, "meanwhile"));
        var before = bots.StudentBot.CallCount("sendMessage");
        Assert.Equal(1, await relay.DeliverDueAsync(Ct));
        Assert.Equal(0, await relay.DeliverDueAsync(Ct));
        Assert.Equal(before + 1, bots.StudentBot.CallCount("sendMessage"));

        await using var db = bots.Database.CreateContext();
        var rows = await db.Replies.OrderBy(r => r.Id).Select(r => new { r.State, r.Attempts, r.NextAttemptAt }).ToListAsync(Ct);
        Assert.Equal([ReplyState.Failed, ReplyState.Sent, ReplyState.Pending, ReplyState.Sent], rows.Select(r => r.State));
        Assert.Equal(1, rows[2].Attempts);
        Assert.True(rows[2].NextAttemptAt > await bots.Database.NowAsync(Ct) + TimeSpan.FromSeconds(80), "the 429'd reply waits as Telegram asked");
        Assert.Equal(["meanwhile"], await MessagesAsync(bots, asha.Id, 1));
        await NoMessageInChatAsync(bots, bots.StudentBot, ben.Id);
        Assert.Contains(bots.Logs, l => l.StartsWith("5052 ", StringComparison.Ordinal));
    }

    /// <summary>A user who has talked to the student bot (Telegram lets a bot write only to those), their answer read.</summary>
    internal static async Task<EmulatedUser> StudentAsync(BotsHost bots, string name)
    {
        var user = bots.Emulator.CreateUser(name);
        await user.SendCommandAsync(bots.StudentBot, "/help");
        await user.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        return user;
    }

    internal static async Task StopHostRelayAsync(BotsHost bots) =>
        await bots.Services.GetServices<IHostedService>().OfType<ReplyRelay>().Single().StopAsync(Ct);

    /// <summary>Commits a student-bot reply per (chat, text), in order, as a decision would.</summary>
    internal static async Task StoreAsync(BotsHost bots, params (long Chat, string Text)[] replies)
    {
        await using var db = bots.Database.CreateContext();
        BotMessenger.Enqueue(db, replies.Select(r => new Notice(BotRole.Student, r.Chat, new Reply.Message(new TextRef(TextKey.Formatted, r.Text)))), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task ExpireLeasesAsync(BotsHost bots)
    {
        var past = await bots.Database.NowAsync(Ct) - TimeSpan.FromSeconds(1);
        await using var db = bots.Database.CreateContext();
        await db.Replies.Where(r => r.LeaseUntil != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, past), Ct);
    }

    private static async Task<List<string>> MessagesAsync(BotsHost bots, long chatId, int count)
    {
        List<string> texts = [];
        for (var i = 0; i < count; i++)
        {
            texts.Add((await bots.Emulator.NextMessageInChatAsync(bots.StudentBot, chatId, TimeSpan.FromSeconds(10), Ct)).Text!);
        }

        return texts;
    }
}
