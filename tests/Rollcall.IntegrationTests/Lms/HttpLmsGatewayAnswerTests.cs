using Rollcall.Lms;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>The LMS's answers are read, not assumed (audit M7): odd bodies, redirects and refused tokens.</summary>
public sealed class HttpLmsGatewayAnswerTests
{
    private const long TeacherId = LmsTestBed.TeacherId;

    private static readonly AttendanceSubmission Create =
        new("B-101", "Python", new DateOnly(2025, 3, 10), IsFirst: true, [new("ST-001", true), new("ST-002", false)]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAnswered200WithAnHtmlPage_IsFailed()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.AnswerNext("POST", "/attendance", LmsCannedAnswer.HtmlPage);

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, Create, Ct);

        Assert.Equal(SubmissionOutcome.Failed, outcome);
        Assert.Contains(bed.Logs, line => line.StartsWith("3010 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, """{"status":"error","message":"Session expired"}""")]
    [InlineData(201, """{"success":false}""")]
    [InlineData(200, """{"error":"batch is closed"}""")]
    [InlineData(200, """{"status":500}""")]
    [InlineData(200, """[]""")]
    [InlineData(201, "\"ok\"")]
    [InlineData(200, "")]
    public async Task WriteAnswered2xxWithAnErrorOrTheWrongShape_IsFailed(int status, string body)
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.AnswerNext("POST", "/attendance", LmsCannedAnswer.Json(status, body));

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, Create, Ct);

        Assert.Equal(SubmissionOutcome.Failed, outcome);
    }

    [Fact]
    public async Task WriteRedirected_IsFailed_AndTheRedirectIsNotFollowed()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.AnswerNext("POST", "/attendance", new LmsCannedAnswer(302, "text/html", "", Location: $"{bed.Server.BaseUrl}/portal"));
        bed.Server.AnswerNext("GET", "/portal", LmsCannedAnswer.Json(200, """{"message":"welcome"}"""));

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, Create, Ct);

        Assert.Equal(SubmissionOutcome.Failed, outcome);
        Assert.Empty(bed.CallsTo("GET", "/portal"));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":{"access_token":1,"refresh_token":2}}""")]
    [InlineData("\"welcome\"")]
    public async Task LoginAnsweredWithJsonOfTheWrongShape_IsUnavailable(string body)
    {
        await using var bed = await LmsTestBed.StartAsync();
        bed.Server.AnswerNext("POST", "/login", LmsCannedAnswer.Json(200, body));

        var result = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher, Ct);

        Assert.IsType<LmsResult<string>.Unavailable>(result);
        Assert.Null(bed.Store.Tokens(TeacherId));
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"attendancePending":{"batchNo":"B-101"}}""")]
    public async Task PendingAnsweredWithJsonOfTheWrongShape_IsUnavailable(string body)
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.AnswerNext("GET", "/attendance", LmsCannedAnswer.Json(200, body));

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Unavailable>(pending);
    }

    [Fact]
    public async Task PendingItemsOfTheWrongShape_AreSkipped_WithoutThrowing()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.AnswerNext("GET", "/attendance", LmsCannedAnswer.Json(200, """{"attendancePending":[["B-101"],{"batchNo":7,"subject":"SQL"}]}"""));

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        var batch = Assert.Single(Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(pending).Value);
        Assert.Equal(("7", "SQL"), (batch.Batch, Assert.Single(batch.Subjects)));
    }

    [Fact]
    public async Task WriteRefusedWith401_IsRefreshed_ThenSignedInAgain_ThenRefused()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.FailNext("POST", "/attendance", 401, count: 3);

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, Create, Ct);

        Assert.Equal(SubmissionOutcome.Refused, outcome);
        Assert.Equal(
            [("/api/v1/attendance", 401), ("/auth/refresh", 200), ("/api/v1/attendance", 401), ("/api/v1/login", 200), ("/api/v1/attendance", 401)],
            bed.Server.Calls.Skip(1).Select(c => (c.Path, c.Status)));
    }

    [Fact]
    public async Task WriteRefusedOnceAfterTheRefresh_IsAcceptedAfterANewSignIn()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.FailNext("POST", "/attendance", 401, count: 2);

        var outcome = await bed.Gateway.SubmitAsync(TeacherId, Create, Ct);

        Assert.Equal(SubmissionOutcome.Accepted, outcome);
        Assert.Equal(2, bed.CallsTo("POST", "/login").Count);
    }

    [Fact]
    public async Task ReadRefusedWith401ThreeTimes_IsWrongCredentials_SoTheTeacherSignsInAgain()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.FailNext("GET", "/attendance", 401, count: 3);

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.WrongCredentials>(pending);
    }
}
