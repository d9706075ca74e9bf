using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rollcall.Simulation.Lms;

/// <summary>Login, logout, refresh and the bearer check of every other call.</summary>
public sealed partial class LmsServer
{
    private readonly Lock _authGate = new();
    private readonly HashSet<string> _loggedInElsewhere = new(StringComparer.OrdinalIgnoreCase);
    private LmsJwt? _jwt;
    private int _accessGeneration;
    private int _refreshGeneration;

    private LmsJwt Jwt => _jwt ??= new LmsJwt(_options);

    /// <summary>The teacher counts as logged in on another device: the next login gets 409 until a logout.</summary>
    public void SimulateLoginElsewhere(string email)
    {
        lock (_authGate)
        {
            _loggedInElsewhere.Add(email);
        }
    }

    /// <summary>Every access token issued so far is refused with 401 from now on (refresh tokens still work).</summary>
    public void RevokeAccessTokens() => Interlocked.Increment(ref _accessGeneration);

    /// <summary>Every refresh token issued so far is refused from now on, so clients must log in again.</summary>
    public void RevokeRefreshTokens() => Interlocked.Increment(ref _refreshGeneration);

    /// <summary>Issues a token pair without an HTTP login, for tests that start from stored tokens.</summary>
    public (string AccessToken, string RefreshToken) IssueTokens(string mentorId) =>
        (Jwt.Issue(mentorId, "access", _options.AccessLifetime, Volatile.Read(ref _accessGeneration)),
         Jwt.Issue(mentorId, "refresh", _options.RefreshLifetime, Volatile.Read(ref _refreshGeneration)));

    private async Task<IResult> LoginAsync(HttpRequest request)
    {
        var (teacher, error) = await CheckCredentialsAsync(request);
        if (teacher is null)
        {
            return error!;
        }

        lock (_authGate)
        {
            if (_loggedInElsewhere.Contains(teacher.Email))
            {
                return Results.Json(new { message = "User already logged in on another device" }, statusCode: 409);
            }
        }

        var (access, refresh) = IssueTokens(teacher.MentorId);
        return Results.Json(new { data = new { access_token = access, refresh_token = refresh } });
    }

    private async Task<IResult> LogoutAsync(HttpRequest request)
    {
        var (teacher, error) = await CheckCredentialsAsync(request);
        if (teacher is null)
        {
            return error!;
        }

        lock (_authGate)
        {
            _loggedInElsewhere.Remove(teacher.Email);
        }

        return Results.Json(new { message = "Logged out" });
    }

    private IResult Refresh(HttpRequest request)
    {
        var payload = Bearer(request) is { } token ? Jwt.Validate(token, "refresh", Volatile.Read(ref _refreshGeneration)) : null;
        if (payload is null)
        {
            return Results.Json(new { message = "Invalid refresh token" }, statusCode: 401);
        }

        var access = Jwt.Issue(LmsJwt.MentorId(payload), "access", _options.AccessLifetime, Volatile.Read(ref _accessGeneration));
        return Results.Json(new { access_token = access });
    }

    /// <summary>The mentor id of a valid access token, or null (the caller answers 401).</summary>
    private string? Authorize(HttpRequest request)
    {
        var payload = Bearer(request) is { } token ? Jwt.Validate(token, "access", Volatile.Read(ref _accessGeneration)) : null;
        return payload is null ? null : LmsJwt.MentorId(payload);
    }

    private async Task<(LmsTeacher? Teacher, IResult? Error)> CheckCredentialsAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        var email = (string?)body?["email"];
        var password = (string?)body?["password"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return (null, Results.Json(new { message = "email and password are required" }, statusCode: 400));
        }

        var teacher = Seed.Teachers.FirstOrDefault(t => string.Equals(t.Email, email, StringComparison.OrdinalIgnoreCase) && t.Password == password);
        return teacher is null ? (null, Results.Json(new { message = "Invalid email or password" }, statusCode: 401)) : (teacher, null);
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
