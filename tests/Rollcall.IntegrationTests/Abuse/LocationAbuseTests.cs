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
    public async Task LiveLocationLeavingTheArea_BeforeTheVideoNote_SendsTheCheckInBackToTheLocation()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var live = await student.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("You are in the class area.", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);

        // The same live location, 1.1 km north: only its later fixes (edited_message) say so.
        await student.EditLiveLocationAsync(bots.StudentBot, live, InsideLatitude + 0.01, Longitude, horizontalAccuracy: 8);
        var left = await student.ReplyAsync(bots.StudentBot);
        var before = await SnapshotAsync(bots, student);
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, 4]);
        var note = await student.ReplyAsync(bots.StudentBot);

        Assert.Matches(@"^Too far \(11\d\d m\)\. Limit: 50 m\. Move closer to the class and share your live location again\.$", left);
        Assert.Equal(NotLive, note);
        Assert.Equal(before, await SnapshotAsync(bots, student));
        Assert.Equal(0, before.Jobs);
    }

    [Fact]
    public async Task LiveLocationComingIntoTheArea_MovesTheCheckInOn_AndFixesOutsideAreSilent()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtStudentLocationAsync(bots);
        var live = await student.SendLocationAsync(bots.StudentBot, InsideLatitude + 0.01, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("Too far", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);

        await student.EditLiveLocationAsync(bots.StudentBot, live, InsideLatitude + 0.005, Longitude, horizontalAccuracy: 8);
        await student.EditLiveLocationAsync(bots.StudentBot, live, InsideLatitude, Longitude, horizontalAccuracy: 8);

        Assert.StartsWith("You are in the class area.", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);
    }

    [Fact]
    public async Task TeachersLiveLocationMoving_ChangesNothing()
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
        var live = await teacher.SendLocationAsync(bots.TeacherBot, 12.97160, Longitude, horizontalAccuracy: 5, livePeriod: 900);
        Assert.StartsWith("Session open", await teacher.ReplyAsync(bots.TeacherBot), StringComparison.Ordinal);
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        await teacher.EditLiveLocationAsync(bots.TeacherBot, live, 12.98, Longitude, horizontalAccuracy: 5);

        await NoMessageInChatAsync(bots, bots.TeacherBot, teacher.Id);
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
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
