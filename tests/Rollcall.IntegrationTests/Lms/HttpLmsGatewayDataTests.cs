using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Lms;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>Batches, rosters and attendance submissions against the fake LMS.</summary>
public sealed class HttpLmsGatewayDataTests
{
    private const long TeacherId = LmsTestBed.TeacherId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pending_IsGroupedByBatch_AndCachedUntilLmsCacheSecondsPass()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();

        var first = await bed.Gateway.GetPendingAsync(TeacherId, Ct);
        await bed.Gateway.GetPendingAsync(TeacherId, Ct);
        var callsWhileCached = bed.CallsTo("GET", "/attendance").Count;
        bed.FakeClock.Advance(TimeSpan.FromSeconds(301));
        await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        var batches = Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(first).Value;
        Assert.Equal(["B-101", "B-102"], batches.Select(b => b.Batch));
        Assert.Equal(["Python", "SQL"], batches[0].Subjects);
        Assert.Equal("?mentorId=M-1001&role=Mentor", bed.CallsTo("GET", "/attendance")[0].Query);
        Assert.Equal(1, callsWhileCached);
        Assert.Equal(2, bed.CallsTo("GET", "/attendance").Count);
    }

    [Fact]
    public async Task Pending_ServerErrorOnAGet_IsRetriedByHttp()
    {
        await using var bed = await LmsTestBed.StartAsync(systemClock: true);
        await bed.SignInAsync();
        bed.Server.FailNext("GET", "/attendance", 503);

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(pending);
        Assert.Equal([503, 200], bed.CallsTo("GET", "/attendance").Select(c => c.Status));
    }

    [Fact]
    public async Task Roster_OfEachBatch_UnitesIntoTheSessionRoster()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();

        var b101 = await bed.Gateway.GetRosterAsync(TeacherId, "B-101", "Python", Ct);
        var b102 = await bed.Gateway.GetRosterAsync(TeacherId, "B-102", "Python", Ct);

        var roster = new[] { b101, b102 }.SelectMany(r => Assert.IsType<LmsResult<IReadOnlyList<RosterStudent>>.Ok>(r).Value).ToList();
        Assert.Equal(6, roster.Select(s => s.StudentId).Distinct().Count());
        Assert.Contains(new RosterStudent("ST-011", "Eldor Usmonov", "B-102"), roster);
        Assert.Equal("""{"batches":"B-101","subject":"Python","location":"Main Campus"}""", bed.CallsTo("POST", "/attend")[0].Body);
    }

    [Fact]
    public async Task Submissions_PostFirstThenPut_WithTheWholeRoster()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        var date = new DateOnly(2025, 3, 10);

        var created = await bed.Gateway.SubmitAsync(TeacherId, new AttendanceSubmission("B-101", "Python", date, IsFirst: true, [new("ST-001", true), new("ST-002", false)]), Ct);
        var updated = await bed.Gateway.SubmitAsync(TeacherId, new AttendanceSubmission("B-101", "Python", date, IsFirst: false, [new("ST-001", true), new("ST-002", true)]), Ct);

        Assert.Equal((SubmissionOutcome.Accepted, SubmissionOutcome.Accepted), (created, updated));
        Assert.Equal(
            """{"subject":"Python","batch":"B-101","datetime":"2025-03-10","location":"Main Campus","userType":"Mentor","students":[{"studentId":"ST-001","status":1},{"studentId":"ST-002","status":0}]}""",
            bed.CallsTo("POST", "/attendance")[0].Body);
        Assert.Contains("\"status\":1}]", bed.CallsTo("PUT", "/attendance")[0].Body, StringComparison.Ordinal);
        Assert.Equal(["ST-001", "ST-002"], Assert.Single(bed.Server.Records).Present);
        Assert.Equal("POST", (await bed.Server.NextSubmissionAsync(cancellationToken: Ct)).Method);
        Assert.Equal("PUT", (await bed.Server.NextSubmissionAsync(cancellationToken: Ct)).Method);
    }

    [Fact]
    public async Task SecondPost_IsDuplicate_WhichCountsAsDone()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        var submission = new AttendanceSubmission("B-101", "Python", new DateOnly(2025, 3, 10), IsFirst: true, [new("ST-001", true)]);

        await bed.Gateway.SubmitAsync(TeacherId, submission, Ct);
        var again = await bed.Gateway.SubmitAsync(TeacherId, submission, Ct);

        Assert.Equal(SubmissionOutcome.Duplicate, again);
    }

    [Fact]
    public async Task ServerErrorOnAPost_IsFailed_AndNotRetriedByHttp()
    {
        await using var bed = await LmsTestBed.StartAsync(systemClock: true);
        await bed.SignInAsync();
        bed.Server.FailNext("POST", "/attendance", 500);
        var submission = new AttendanceSubmission("B-101", "Python", new DateOnly(2025, 3, 10), IsFirst: true, [new("ST-001", true)]);

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, submission, Ct);

        Assert.Equal(SubmissionOutcome.Failed, outcome);
        Assert.Single(bed.CallsTo("POST", "/attendance"));
        Assert.Empty(bed.Server.Records);
    }

    [Fact]
    public async Task MissingCampus_StopsStartUp_NamingTheVariable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BASE_URL"] = "https://lms.example/api/v1" }).Build();
        await using var services = new ServiceCollection().AddHttpLms(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LmsOptions>>().Value);

        Assert.Contains("LMS_CAMPUS is required", error.Message, StringComparison.Ordinal);
    }
}
