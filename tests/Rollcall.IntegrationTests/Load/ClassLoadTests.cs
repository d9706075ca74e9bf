using System.Text.Json.Nodes;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Load;

/// <summary>
/// Whole classes against the real bots, the real host and the fake LMS: every student told "marked" is stored once and
/// delivered once, with exactly one POST per batch/subject/date. One collection, so load runs never share the CPU.
/// </summary>
[Collection(ClassLoadCollection.Name)]
public sealed class ClassLoadTests(FacesFixture faces)
{
    [Fact]
    public async Task HundredStudentsOnSqlite_EveryMarkStoredAndDeliveredExactlyOnce()
    {
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(100));

        var report = await rig.PlayAsync(null, TestContext.Current.CancellationToken);

        ClassRigs.AssertNothingLostOrDoubled(report);
        Assert.Equal(1, report.PostsAccepted);
        AssertLastWriteHasEveryone(rig.Lms, 100);
    }

    [Fact]
    public async Task ThirtyStudentsOnPostgres_EveryMarkStoredAndDeliveredExactlyOnce()
    {
        var url = await ClassRigs.PostgresDatabaseUrlAsync();
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(30, url));

        var report = await rig.PlayAsync(null, TestContext.Current.CancellationToken);

        ClassRigs.AssertNothingLostOrDoubled(report);
        Assert.Equal(1, report.PostsAccepted);
        AssertLastWriteHasEveryone(rig.Lms, 30);
    }

    [Fact]
    public async Task FiftyStudentsVerifiedConcurrently_ExactlyOnePostAndTheLastPutHasAllFiftyPresent()
    {
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(50) with { Ramp = TimeSpan.Zero });

        var report = await rig.PlayAsync(null, TestContext.Current.CancellationToken);

        ClassRigs.AssertNothingLostOrDoubled(report);
        Assert.Single(rig.Lms.CallsTo("POST", "/api/v1/attendance"));
        var lastPut = rig.Lms.CallsTo("PUT", "/api/v1/attendance").Last(c => c.Status == 200);
        var students = JsonNode.Parse(lastPut.Body)!["students"]!.AsArray();
        Assert.Equal(50, students.Count(s => (int?)s!["status"] == 1));
        AssertLastWriteHasEveryone(rig.Lms, 50);
    }

    /// <summary>The LMS's record, as last written, holds every student of the class as present.</summary>
    internal static void AssertLastWriteHasEveryone(LmsServer lms, int students)
    {
        var record = Assert.Single(lms.Records);
        Assert.Equal(students, record.Present.Count());
        Assert.Equal(students, record.Students.Count);
    }
}

/// <summary>Load and fault classes run one at a time: each alone keeps a 2-core machine busy.</summary>
[CollectionDefinition(Name)]
public sealed class ClassLoadCollection
{
    public const string Name = "Class load";
}
