using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>
/// Callback data a real keyboard of this conversation did not offer at this step: an old keyboard's button, another
/// account's keyboard token, a subject button while choosing batches, an index out of range, junk. Each is answered
/// "expired" and changes nothing.
/// </summary>
public sealed class CallbackAbuseTests
{
    [Fact]
    public async Task ButtonOfTheBatchKeyboard_AfterDone_HasExpired_TheSubjectStepStays()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var batches = await TeacherAtBatchesAsync(bots, teacher);
        var oldButton = batches.Button("CS-B").CallbackData!;
        await teacher.PressButtonAsync(bots.TeacherBot, batches, "CS-A");
        await teacher.NextEditAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bots.TeacherBot, batches, "Done");
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        Assert.Null((await teacher.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
        Assert.Null((await teacher.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        await teacher.ForgeCallbackAsync(bots.TeacherBot, batches, oldButton);

        Assert.Equal(ButtonExpired, (await teacher.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
        Assert.Equal(ButtonExpired, await teacher.ReplyAsync(bots.TeacherBot));
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
    }

    [Fact]
    public async Task ForgedBatchAndSubjectData_HaveExpired_TheSelectionStaysEmpty()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var batches = await TeacherAtBatchesAsync(bots, teacher);
        var token = batches.Button("CS-A").CallbackData!.Split(':')[0];
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        string[] forged = [$"{token}:b:99", $"{token}:b:-1", $"{token}:s:0", "00000000:b:0", $"{token}:b:0:1", "🎓' OR 1=1 --"];
        foreach (var data in forged)
        {
            await teacher.ForgeCallbackAsync(bots.TeacherBot, batches, data);
            Assert.Equal(ButtonExpired, (await teacher.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
            Assert.Equal(ButtonExpired, await teacher.ReplyAsync(bots.TeacherBot));
        }

        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
    }

    [Fact]
    public async Task AnotherAccountsKeyboardToken_HasExpired_AndOpensNothing()
    {
        await using var bots = await BotsHost.StartAsync();
        var rao = bots.Emulator.CreateUser("Rao");
        var raosButton = (await TeacherAtBatchesAsync(bots, rao)).Button("CS-A").CallbackData!;
        var mallory = bots.Emulator.CreateUser("Mallory");
        await mallory.SendCommandAsync(bots.TeacherBot, "/start");
        var askContact = await mallory.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await mallory.SendCommandAsync(bots.StudentBot, "/start");
        var askId = await mallory.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var teacherBefore = await SnapshotAsync(bots, mallory, "Teacher");
        var studentBefore = await SnapshotAsync(bots, mallory);

        await mallory.ForgeCallbackAsync(bots.TeacherBot, askContact, raosButton);
        await mallory.ForgeCallbackAsync(bots.StudentBot, askId, raosButton);

        Assert.Equal(ButtonExpired, (await mallory.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
        Assert.Equal(ButtonExpired, await mallory.ReplyAsync(bots.TeacherBot));
        Assert.Equal(ButtonExpired, (await mallory.NextCallbackAnswerAsync(bots.StudentBot, cancellationToken: Ct)).Text);
        Assert.Equal(teacherBefore, await SnapshotAsync(bots, mallory, "Teacher"));
        Assert.Equal(studentBefore, await SnapshotAsync(bots, mallory));
        Assert.Equal(0, teacherBefore.Sessions);
    }
}
