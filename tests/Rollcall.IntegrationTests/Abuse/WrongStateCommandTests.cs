using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Commands and inputs sent at a step that does not take them: the step's own message, and nothing moves.</summary>
public sealed class WrongStateCommandTests
{
    [Fact]
    public async Task StudentBot_UnknownCommandsAndWrongInputs_AreAnsweredByTheStep()
    {
        await using var bots = await BotsHost.StartAsync();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        var bot = bots.StudentBot;

        await StaysAsync(bots, student, u => u.SendVideoNoteAsync(bot, [1, 2, 3]), StudentNotUnderstood);
        await StaysAsync(bots, student, u => u.ForwardTextAsync(bot, "/start"), StudentNotUnderstood);
        await student.SendCommandAsync(bot, "/start");
        Assert.Equal(AskStudentId, await student.ReplyAsync(bot));
        await StaysAsync(bots, student, u => u.SendCommandAsync(bot, "/present S-1"), BadStudentId);
        await StaysAsync(bots, student, u => u.SendLocationAsync(bot, InsideLatitude, Longitude, 5, 900), BadStudentId);
        await student.SendTextAsync(bot, "S-1");
        Assert.Equal(AskOtp, await student.ReplyAsync(bot));
        await StaysAsync(bots, student, u => u.SendCommandAsync(bot, $"/otp {otp}"), BadOtp);
        await StaysAsync(bots, student, u => u.SendVideoNoteAsync(bot, [4, 5, 6]), BadOtp);
        await student.SendTextAsync(bot, otp);
        Assert.StartsWith("Welcome Asha", await student.ReplyAsync(bot), StringComparison.Ordinal);
        await StaysAsync(bots, student, u => u.SendVideoNoteAsync(bot, [7, 8, 9]), NotLive);

        Assert.Empty(bots.Faces.Seen);
    }

    [Fact]
    public async Task TeacherBot_UnknownCommandsAndWrongInputs_AreAnsweredByTheStep()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var bot = bots.TeacherBot;

        await StaysAsync(bots, teacher, u => u.SendLocationAsync(bot, InsideLatitude, Longitude, 5), TeacherNotUnderstood, "Teacher");
        await teacher.SendCommandAsync(bot, "/start");
        Assert.Equal(AskContact, await teacher.ReplyAsync(bot));
        await StaysAsync(bots, teacher, u => u.SendCommandAsync(bot, "/login rao secret-pw"), AskContact, "Teacher");
        await StaysAsync(bots, teacher, u => u.SendTextAsync(bot, BotsHost.TeacherPhone), AskContact, "Teacher");
        await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
        Assert.Equal(AskUsername, await teacher.ReplyAsync(bot));
        await StaysAsync(bots, teacher, u => u.ShareContactAsync(bot, BotsHost.TeacherPhone), AskUsername, "Teacher");
        await teacher.SendTextAsync(bot, BotsHost.Username);
        Assert.Equal(AskPassword, await teacher.ReplyAsync(bot));
        await teacher.SendTextAsync(bot, BotsHost.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await StaysAsync(bots, teacher, u => u.SendCommandAsync(bot, "/done"), UseTheButtons, "Teacher");
        await StaysAsync(bots, teacher, u => u.SendLocationAsync(bot, InsideLatitude, Longitude, 5), UseTheButtons, "Teacher");

        Assert.Equal(0, (await SnapshotAsync(bots, teacher, "Teacher")).Sessions);
    }
}
