using System.Diagnostics;
using System.Text.Json.Nodes;
using Rollcall.Lms;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>The JWT lifecycle against the fake LMS: login, 409, refresh, re-login, an LMS that is down.</summary>
public sealed class HttpLmsGatewayTokenTests
{
    private const long TeacherId = LmsTestBed.TeacherId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ReturnsTheMentorId_AndPersistsTokensWithTheirExpiry()
    {
        await using var bed = await LmsTestBed.StartAsync();

        var result = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher, Ct);

        Assert.Equal("M-1001", Assert.IsType<LmsResult<string>.Ok>(result).Value);
        var tokens = bed.Store.Tokens(TeacherId)!;
        Assert.Equal("M-1001", tokens.MentorId);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(5), tokens.AccessExpiresAt);
        Assert.Equal(bed.Clock.GetUtcNow().AddDays(7), tokens.RefreshExpiresAt);
        var login = Assert.Single(bed.CallsTo("POST", "/login"));
        Assert.Equal("""{"email":"teacher@example.edu","password":"teach-pass"}""", login.Body);
    }

    [Fact]
    public async Task UnsignedTokensWithoutExpiry_UseTheDefaultLifetimes_AndSub()
    {
        await using var bed = await LmsTestBed.StartAsync(clock => new LmsServerOptions { Clock = clock, SignTokens = false, OmitExpiry = true, MentorIdInSub = true });

        var result = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher, Ct);

        Assert.Equal("M-1001", Assert.IsType<LmsResult<string>.Ok>(result).Value);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(5), bed.Store.Tokens(TeacherId)!.AccessExpiresAt);
    }

    [Fact]
    public async Task WrongPassword_IsWrongCredentials_AndNeverLogged()
    {
        await using var bed = await LmsTestBed.StartAsync();

        var result = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher with { Password = "guess-123" }, Ct);

        Assert.IsType<LmsResult<string>.WrongCredentials>(result);
        Assert.Null(bed.Store.Tokens(TeacherId));
        Assert.DoesNotContain(bed.Logs, line => line.Contains("guess-123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoggedInElsewhere_LogsOutWithTheSameBody_ThenLogsIn()
    {
        await using var bed = await LmsTestBed.StartAsync();
        bed.Server.SimulateLoginElsewhere(LmsTestBed.Teacher.Username);

        var result = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher, Ct);

        Assert.IsType<LmsResult<string>.Ok>(result);
        Assert.Equal(
            [("/api/v1/login", 409), ("/api/v1/logout", 200), ("/api/v1/login", 200)],
            bed.Server.Calls.Select(c => (c.Path, c.Status)));
        Assert.Equal(bed.CallsTo("POST", "/login")[0].Body, bed.CallsTo("POST", "/logout")[0].Body);
    }

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshedBeforeTheCall_AndNoSecretIsLogged()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        var first = bed.Store.Tokens(TeacherId)!;
        bed.FakeClock.Advance(TimeSpan.FromMinutes(6));

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(pending);
        Assert.Equal(["/api/v1/login", "/auth/refresh", "/api/v1/attendance"], bed.Server.Calls.Select(c => c.Path));
        Assert.Equal($"Bearer {first.RefreshToken}", bed.Server.Calls[1].Authorization);
        var renewed = bed.Store.Tokens(TeacherId)!;
        Assert.NotEqual(first.AccessToken, renewed.AccessToken);
        Assert.Equal($"Bearer {renewed.AccessToken}", bed.Server.Calls[2].Authorization);
        Assert.DoesNotContain(bed.Logs, line =>
            line.Contains(LmsTestBed.Teacher.Password, StringComparison.Ordinal)
            || line.Contains(first.AccessToken, StringComparison.Ordinal)
            || line.Contains(first.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessRefusedWith401_IsRefreshedAndTheCallRepeated()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.RevokeAccessTokens();

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(pending);
        Assert.Equal(
            [("/api/v1/login", 200), ("/api/v1/attendance", 401), ("/auth/refresh", 200), ("/api/v1/attendance", 200)],
            bed.Server.Calls.Select(c => (c.Path, c.Status)));
    }

    [Fact]
    public async Task RefusedRefreshToken_LeadsToANewLoginWithTheStoredPassword()
    {
        await using var bed = await LmsTestBed.StartAsync();
        await bed.SignInAsync();
        bed.Server.RevokeAccessTokens();
        bed.Server.RevokeRefreshTokens();

        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(pending);
        Assert.Equal(
            [("/api/v1/attendance", 401), ("/auth/refresh", 401), ("/api/v1/login", 200), ("/api/v1/attendance", 200)],
            bed.Server.Calls.Skip(1).Select(c => (c.Path, c.Status)));
    }

    [Fact]
    public async Task LmsDown_IsUnavailableQuickly_AndWorksAgainWhenItIsBack()
    {
        await using var bed = await LmsTestBed.StartAsync(systemClock: true);
        await bed.SignInAsync();
        await bed.Server.StopAsync(Ct);
        var watch = Stopwatch.StartNew();

        var signIn = await bed.Gateway.SignInAsync(TeacherId, LmsTestBed.Teacher, Ct);
        var pending = await bed.Gateway.GetPendingAsync(TeacherId, Ct);
        watch.Stop();
        await bed.Server.StartAsync(Ct);
        var afterRestart = await bed.Gateway.GetPendingAsync(TeacherId, Ct);

        Assert.Contains("unreachable", Assert.IsType<LmsResult<string>.Unavailable>(signIn).Reason, StringComparison.Ordinal);
        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Unavailable>(pending);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(afterRestart);
    }

    [Fact]
    public async Task TokensIssuedByTheServer_CarryExpAndId()
    {
        await using var bed = await LmsTestBed.StartAsync();

        var (access, _) = bed.Server.IssueTokens("M-9");
        var payload = JsonNode.Parse(Convert.FromBase64String(Pad(access.Split('.')[1])))!;

        Assert.Equal("M-9", (string?)payload["id"]);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(), (long)payload["exp"]!);
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
