using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Locations that prove nothing: a static pin, a forwarded location, a fix whose accuracy radius is wider than the geofence.</summary>
public sealed class LocationAbuseTests
{
    [Fact]
    public async Task StaticPinInsideTheRoom_IsRefused_TheStudentStaysAtTheLocationStep()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 5);

        Assert.Equal(NotLive, await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
    }

    [Fact]
    public async Task ForwardedLiveLocation_IsRefused_TheStudentStaysAtTheLocationStep()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.ForwardLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 5, livePeriod: 900);

        Assert.Equal(LocationForwarded, await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
    }

    [Fact]
    public async Task LiveLocationWithAHugeAccuracyRadius_IsRefusedAsImprecise()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 1500, livePeriod: 900);

        Assert.Equal("Your location is too imprecise (1500 m, the limit is 50 m). Turn on precise location or GPS and share it again.",
            await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
    }

    [Fact]
    public async Task LiveLocationWithoutAnAccuracy_AtTheTeachersPoint_IsRefusedAsImprecise()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var before = await SnapshotAsync(bots, student);

        // What a userbot (inputMediaGeoLive) can send: live, exact coordinates, no horizontal_accuracy.
        await student.SendLocationAsync(bots.StudentBot, 12.97160, Longitude, livePeriod: 60);

        Assert.Equal("Your location came without an accuracy, so it cannot show you are in the room. Turn on precise location or GPS and share your live location again.",
            await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
    }

    [Fact]
    public async Task TeacherForwardingALocation_OpensNoSession()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var batches = await TeacherAtBatchesAsync(bots, teacher);
        await teacher.PressButtonAsync(bots.TeacherBot, batches, "CS-A");
        await teacher.NextEditAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bots.TeacherBot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bots.TeacherBot, subjects, "Maths");
        Assert.Equal(AskTeacherLocation, await teacher.ReplyAsync(bots.TeacherBot));
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        await teacher.ForwardLocationAsync(bots.TeacherBot, InsideLatitude, Longitude);

        Assert.Equal(LocationForwarded, await teacher.ReplyAsync(bots.TeacherBot));
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
    }

    private static async Task<EmulatedUser> AtStudentLocationAsync(BotsHost bots)
    {
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await AtLocationAsync(bots, student, "S-1", otp);
        return student;
    }
}
