using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>
/// Unicode, emoji, a zero-width space and 5000 characters at every text step of both bots: each step answers its own
/// message and stays where it was, with nothing stored and no try counted.
/// </summary>
public sealed class TextAbuseTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "emoji", "🎓🙂‍↔️👍🏽 ✅" },
        { "unicode", "Ñandú ИД-١٢٣ 学生\u200B\u202Eevil" },
        { "5000 chars", new string('A', 4990) + "1234567890" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task StudentBot_EveryTextStep_RefusesOddText_AndStaysPut(string name, string text)
    {
        _ = name;
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        var bot = bots.StudentBot;

        await StaysAsync(bots, student, u => u.SendTextAsync(bot, text), StudentNotUnderstood);
        await student.SendCommandAsync(bot, "/start");
        Assert.Equal(AskStudentId, await student.ReplyAsync(bot));
        await StaysAsync(bots, student, u => u.SendTextAsync(bot, text), BadStudentId);
        await student.SendTextAsync(bot, "S-1");
        Assert.Equal(AskOtp, await student.ReplyAsync(bot));
        await StaysAsync(bots, student, u => u.SendTextAsync(bot, text), BadOtp);
        await student.SendTextAsync(bot, otp);
        Assert.StartsWith("Welcome Asha", await student.ReplyAsync(bot), StringComparison.Ordinal);
        await StaysAsync(bots, student, u => u.SendTextAsync(bot, text), NotLive);
        await student.SendLocationAsync(bot, InsideLatitude, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("You are in the class area.", await student.ReplyAsync(bot), StringComparison.Ordinal);
        await StaysAsync(bots, student, u => u.SendTextAsync(bot, text), PleaseVideoNote);
        // One mark: the student gave the code in time and is checking in (no attempt used, no job, nothing to the LMS);
        // the accepted code bound S-1 to the account.
        Assert.Equal(new StoredState(1, 0, 0, 0, 1, 1, 0, (await SnapshotAsync(bots, student)).Conversation), await SnapshotAsync(bots, student));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task TeacherBot_EveryTextStep_RefusesOddText_AndStaysPut(string name, string text)
    {
        _ = name;
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var bot = bots.TeacherBot;

        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), TeacherNotUnderstood, "Teacher");
        await teacher.SendCommandAsync(bot, "/start");
        Assert.Equal(AskContact, await teacher.ReplyAsync(bot));
        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), AskContact, "Teacher");
        await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
        Assert.Equal(AskUsername, await teacher.ReplyAsync(bot));
        if (text.Length > 200)
        {
            // Too long for a username: asked again.
            await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), AskUsername, "Teacher");
            await teacher.SendTextAsync(bot, BotsHost.Username);
        }
        else
        {
            // Any short text may be a username; the LMS decides, after the password.
            await teacher.SendTextAsync(bot, text);
        }

        Assert.Equal(AskPassword, await teacher.ReplyAsync(bot));
        var password = await teacher.SendTextAsync(bot, text);
        Assert.Equal(password.MessageId, await teacher.NextDeletionAsync(bot, cancellationToken: Ct));
        Assert.Equal(WrongCredentials, await teacher.ReplyAsync(bot));
        await teacher.SendTextAsync(bot, BotsHost.Username);
        Assert.Equal(AskPassword, await teacher.ReplyAsync(bot));
        await teacher.SendTextAsync(bot, BotsHost.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), UseTheButtons, "Teacher");
        await teacher.PressButtonAsync(bot, batches, "CS-A");
        await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), UseTheButtons, "Teacher");
        await teacher.PressButtonAsync(bot, subjects, "Maths");
        Assert.Equal(AskTeacherLocation, await teacher.ReplyAsync(bot));
        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, text), AskTeacherLocation, "Teacher");
        Assert.Equal(0, (await SnapshotAsync(bots, teacher, "Teacher")).Sessions);
    }
}
