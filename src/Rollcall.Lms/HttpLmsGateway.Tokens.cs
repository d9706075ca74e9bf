using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Rollcall.Lms;

/// <summary>The JWT lifecycle: login (with the 409 logout-and-retry), refresh, re-login, and authorised sends.</summary>
internal sealed partial class HttpLmsGateway
{
    // Refresh a little early so that a token does not expire on its way to the LMS.
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultAccessLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultRefreshLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan RenewalPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sends a call with the teacher's access token, renewing it first when expired. A 401 refreshes the token and
    /// repeats the call; a second 401 logs in again with the stored password; a third is the teacher's to fix.
    /// </summary>
    private async Task<LmsResult<HttpResponseMessage>> SendAuthorizedAsync(
        long teacherId, string operation, Func<LmsTokens, HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        string? refused = null;
        foreach (var renewal in (TokenRenewal[])[TokenRenewal.WhenExpired, TokenRenewal.Refresh, TokenRenewal.Login])
        {
            var tokens = await CurrentTokensAsync(teacherId, refused, renewal, cancellationToken);
            if (tokens is not LmsResult<LmsTokens>.Ok current)
            {
                return Failure.Of(tokens).As<HttpResponseMessage>();
            }

            var sent = await SendAsync(teacherId, operation, Authorized(create(current.Value), current.Value), cancellationToken);
            if (sent is not LmsResult<HttpResponseMessage>.Ok { Value.StatusCode: HttpStatusCode.Unauthorized } unauthorized)
            {
                return sent;
            }

            unauthorized.Value.Dispose();
            refused = current.Value.AccessToken;
        }

        LmsLog.AccessRefused(_logger, teacherId, operation);
        return new LmsResult<HttpResponseMessage>.WrongCredentials();
    }

    /// <summary>
    /// Valid tokens for the teacher: stored ones, refreshed ones, or a new login with the stored password.
    /// <paramref name="refused"/> is an access token the LMS has just refused; <see cref="TokenRenewal.Login"/> skips the refresh.
    /// </summary>
    private async Task<LmsResult<LmsTokens>> CurrentTokensAsync(long teacherId, string? refused, TokenRenewal renewal, CancellationToken cancellationToken)
    {
        var gate = _state.TokenLock(teacherId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(await _tokens.FindTokensAsync(teacherId, cancellationToken), refused) is { } stored)
            {
                return new LmsResult<LmsTokens>.Ok(stored);
            }

            await using var renewing = await LockRenewalAsync(teacherId, cancellationToken);

            // Read again under the lock: another instance may have renewed while this one waited.
            var current = await _tokens.FindTokensAsync(teacherId, cancellationToken);
            if (Usable(current, refused) is { } renewedElsewhere)
            {
                return new LmsResult<LmsTokens>.Ok(renewedElsewhere);
            }

            LmsResult<LmsTokens>? renewed = null;
            if (current is not null && renewal != TokenRenewal.Login && _clock.GetUtcNow() < current.RefreshExpiresAt)
            {
                renewed = await RefreshAsync(teacherId, current, cancellationToken);
            }

            if (renewed is null)
            {
                var credentials = await _tokens.FindCredentialsAsync(teacherId, cancellationToken);
                if (credentials is null)
                {
                    LmsLog.NoStoredCredentials(_logger, teacherId);
                    return new LmsResult<LmsTokens>.WrongCredentials();
                }

                renewed = await LoginAsync(teacherId, credentials, cancellationToken);
            }

            if (renewed is LmsResult<LmsTokens>.Ok ok)
            {
                await _tokens.SaveTokensAsync(teacherId, ok.Value, cancellationToken);
            }

            return renewed;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stored tokens that are valid and not the one the LMS just refused (another call renewed them meanwhile).</summary>
    private LmsTokens? Usable(LmsTokens? stored, string? refused) =>
        stored is not null && stored.AccessToken != refused && _clock.GetUtcNow() < stored.AccessExpiresAt - ExpirySkew ? stored : null;

    /// <summary>
    /// The teacher's renewal lock across instances, waited for; held at most for the worst case of the calls inside it
    /// (<see cref="Hosting.LeasePolicy.LmsRenewalFor"/>). A holder that died frees it then.
    /// </summary>
    private async Task<IAsyncDisposable?> LockRenewalAsync(long teacherId, CancellationToken cancellationToken)
    {
        var hold = Hosting.LeasePolicy.LmsRenewalFor(_options.HttpTimeout);
        var started = _clock.GetTimestamp();
        while (true)
        {
            if (await _tokens.TryLockRenewalAsync(teacherId, hold, cancellationToken) is { } held)
            {
                return held;
            }

            if (_clock.GetElapsedTime(started) > hold)
            {
                return null;
            }

            await Task.Delay(RenewalPoll, _clock, cancellationToken);
        }
    }

    /// <summary>A new access token from the refresh token; null when the LMS refuses it (then the caller logs in again).</summary>
    private async Task<LmsResult<LmsTokens>?> RefreshAsync(long teacherId, LmsTokens stored, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _urls.Refresh);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stored.RefreshToken);
        var sent = await SendAsync(teacherId, "refresh", request, cancellationToken);
        if (sent is not LmsResult<HttpResponseMessage>.Ok { Value: var response })
        {
            return Failure.Of(sent).As<LmsTokens>();
        }

        using (response)
        {
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                LmsLog.RefreshRefused(_logger, teacherId, (int)response.StatusCode);
                return null;
            }

            var body = await ReadJsonAsync(teacherId, "refresh", response, cancellationToken);
            var data = LmsJson.Member(body, "data");
            var access = LmsJson.String(LmsJson.Member(body, "access_token")) ?? LmsJson.String(LmsJson.Member(data, "access_token"));
            var refresh = LmsJson.String(LmsJson.Member(body, "refresh_token")) ?? LmsJson.String(LmsJson.Member(data, "refresh_token")) ?? stored.RefreshToken;
            var tokens = access is null ? null : Tokens(access, refresh, refresh == stored.RefreshToken ? stored.RefreshExpiresAt : null);
            if (tokens is null)
            {
                return Unavailable<LmsTokens>(teacherId, "refresh", $"LMS refresh answered {(int)response.StatusCode} without a readable access token");
            }

            LmsLog.TokenRefreshed(_logger, teacherId);
            return new LmsResult<LmsTokens>.Ok(tokens);
        }
    }

    /// <summary>POST login; on 409 ("logged in elsewhere") POST logout with the same body and try once more.</summary>
    private async Task<LmsResult<LmsTokens>> LoginAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken)
    {
        var body = new { email = credentials.Username, password = credentials.Password };
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _urls.Login) { Content = JsonContent.Create(body) };
            var sent = await SendAsync(teacherId, "login", request, cancellationToken);
            if (sent is not LmsResult<HttpResponseMessage>.Ok { Value: var response })
            {
                return Failure.Of(sent).As<LmsTokens>();
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Conflict when attempt == 1:
                        LmsLog.LoggedInElsewhere(_logger, teacherId);
                        using (var logout = new HttpRequestMessage(HttpMethod.Post, _urls.Logout) { Content = JsonContent.Create(body) })
                        {
                            var loggedOut = await SendAsync(teacherId, "logout", logout, cancellationToken);
                            (loggedOut as LmsResult<HttpResponseMessage>.Ok)?.Value.Dispose();
                        }

                        continue;
                    case HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden:
                        LmsLog.CredentialsRefused(_logger, teacherId, (int)response.StatusCode);
                        return new LmsResult<LmsTokens>.WrongCredentials();
                    case HttpStatusCode.OK or HttpStatusCode.Created:
                        var json = await ReadJsonAsync(teacherId, "login", response, cancellationToken);
                        var data = LmsJson.Member(json, "data") ?? json;
                        return LmsJson.String(LmsJson.Member(data, "access_token")) is { } access
                            && LmsJson.String(LmsJson.Member(data, "refresh_token")) is { } refresh
                            && Tokens(access, refresh, null) is { } tokens
                            ? new LmsResult<LmsTokens>.Ok(tokens)
                            : Unavailable<LmsTokens>(teacherId, "login", "LMS login answer has no readable tokens with a mentor id");
                    default:
                        return Unavailable<LmsTokens>(teacherId, "login", $"LMS login answered {(int)response.StatusCode}");
                }
            }
        }
    }

    /// <summary>Tokens with expiries from their exp claims (or the spec's defaults) and the mentor id from the access token.</summary>
    private LmsTokens? Tokens(string access, string refresh, DateTimeOffset? refreshExpiresAt)
    {
        var now = _clock.GetUtcNow();
        var accessClaims = JwtClaims.Read(access);
        if (accessClaims is not { MentorId: { } mentorId } claims)
        {
            return null;
        }

        var refreshClaims = JwtClaims.Read(refresh);
        return new LmsTokens(
            access,
            claims.ExpiresAt ?? now + DefaultAccessLifetime,
            refresh,
            refreshExpiresAt ?? refreshClaims?.ExpiresAt ?? now + DefaultRefreshLifetime,
            mentorId);
    }

    /// <summary>How far a call may go to get a token the LMS accepts.</summary>
    private enum TokenRenewal
    {
        /// <summary>The stored token, renewed only when it has expired.</summary>
        WhenExpired,

        /// <summary>A refreshed token (or a login when the refresh token has run out).</summary>
        Refresh,

        /// <summary>A new login with the stored password.</summary>
        Login,
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, LmsTokens tokens)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return request;
    }
}
