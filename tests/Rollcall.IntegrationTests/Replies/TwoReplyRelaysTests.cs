using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.IntegrationTests.Bots;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Replies;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Replies;

/// <summary>Two instances' reply relays on one PostgreSQL database: no row is sent twice while both live, and each chat keeps its order.</summary>
public sealed class TwoReplyRelaysTests
{
    private const int Chats = 20;
    private const int PerChat = 5;

    [Fact]
    public async Task TwoRelaysOnPostgres_SendEveryRowOnce_InEachChatsOrder()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        await using var bots = await BotsHost.StartAsync();
        await ReplyOutboxTests.StopHostRelayAsync(bots);
        List<EmulatedUser> users = [];
        for (var i = 0; i < Chats; i++)
        {
            users.Add(await ReplyOutboxTests.StudentAsync(bots, $"Student {i}"));
        }

        await using (var db = database.CreateContext())
        {
            // Interleaved as a class's decisions are: every chat's first reply, then every chat's second, ...
            var notices = Enumerable.Range(0, PerChat).SelectMany(n => users.Select(u =>
                new Notice(BotRole.Student, u.Id, new Reply.Message(new TextRef(TextKey.Formatted, $"{u.Id}-{n}")))));
            BotMessenger.Enqueue(db, notices, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var before = bots.StudentBot.CallCount("sendMessage");
        var relays = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ReplyRelay>(bots.Services, new ReplyOutboxStore(database))).ToList();
        await Task.WhenAll(relays.Select(r => DrainAsync(r, database)));

        Assert.Equal(Chats * PerChat, bots.StudentBot.CallCount("sendMessage") - before);
        foreach (var user in users)
        {
            for (var n = 0; n < PerChat; n++)
            {
                Assert.Equal($"{user.Id}-{n}", (await bots.Emulator.NextMessageInChatAsync(bots.StudentBot, user.Id, TimeSpan.FromSeconds(10), Ct)).Text);
            }
        }

        await using var check = database.CreateContext();
        Assert.Equal(Chats * PerChat, await check.Replies.CountAsync(r => r.State == ReplyState.Sent && r.Claims == 1, Ct));
    }

    private static async Task DrainAsync(ReplyRelay relay, RollcallDatabase database)
    {
        for (var pass = 0; pass < 10_000; pass++)
        {
            await relay.DeliverDueAsync(Ct);
            await using var db = database.CreateContext();
            if (!await db.Replies.AnyAsync(r => r.State == ReplyState.Pending, Ct))
            {
                return;
            }
        }

        Assert.Fail("the reply outbox did not drain");
    }
}
