using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Both bots answer only in private chats: a group, supergroup or channel gets no reply and leaves no state.</summary>
public sealed class ChatTypeAbuseTests
{
    [Theory]
    [InlineData("group")]
    [InlineData("supergroup")]
    [InlineData("channel")]
    public async Task MessageFromAGroupOrChannel_GetsNoReply_AndNoState(string chatType)
    {
        await using var bots = await BotsHost.StartAsync();
        var user = bots.Emulator.CreateUser("Rao");

        var toStudentBot = await user.SendFromGroupAsync(bots.StudentBot, "/start", chatType);
        var toTeacherBot = await user.SendFromGroupAsync(bots.TeacherBot, "/start", chatType);
        await NoMessageInChatAsync(bots, bots.StudentBot, toStudentBot.ChatId);
        await NoMessageInChatAsync(bots, bots.TeacherBot, toTeacherBot.ChatId);
        // Updates are handled in order: once the private /help is answered, the group's /start has been seen and dropped.
        await user.SendCommandAsync(bots.StudentBot, "/help");
        await user.SendCommandAsync(bots.TeacherBot, "/help");

        Assert.StartsWith("To mark attendance:", await user.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
        Assert.StartsWith("To open an attendance session:", await user.ReplyAsync(bots.TeacherBot), StringComparison.Ordinal);
        await using var db = bots.Database.CreateContext();
        Assert.Equal([user.Id, user.Id], await db.Conversations.Select(c => c.ChatId).ToListAsync(Ct));
        Assert.Equal(2, await db.ProcessedUpdates.CountAsync(Ct));
    }
}
