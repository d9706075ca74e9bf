using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Ports;

namespace Rollcall.Lms;

/// <summary>The institute's LMS over HTTP, exactly as lms-api.md describes it.</summary>
internal sealed partial class HttpLmsGateway : ILmsGateway
{
    private readonly IHttpClientFactory _httpClients;
    private readonly LmsOptions _options;
    private readonly LmsUrls _urls;
    private readonly ILmsTokenStore _tokens;
    private readonly LmsTeacherState _state;
    private readonly TimeProvider _clock;
    private readonly ILogger<HttpLmsGateway> _logger;

    public HttpLmsGateway(
        IHttpClientFactory httpClients,
        IOptions<LmsOptions> options,
        ILmsTokenStore tokens,
        LmsTeacherState state,
        TimeProvider clock,
        ILogger<HttpLmsGateway> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _urls = new LmsUrls(_options);
        _tokens = tokens;
        _state = state;
        _clock = clock;
        _logger = logger;
    }

    public async Task<LmsResult<string>> SignInAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken)
    {
        var login = await LoginAsync(teacherId, credentials, cancellationToken);
        if (login is not LmsResult<LmsTokens>.Ok ok)
        {
            return Failure.Of(login).As<string>();
        }

        await _tokens.SaveTokensAsync(teacherId, ok.Value, cancellationToken);
        _state.ForgetPending(teacherId);
        LmsLog.SignedIn(_logger, teacherId, ok.Value.MentorId);
        return new LmsResult<string>.Ok(ok.Value.MentorId);
    }

    public async Task<LmsResult<IReadOnlyList<BatchSubjects>>> GetPendingAsync(long teacherId, CancellationToken cancellationToken)
    {
        if (_state.CachedPending(teacherId, _clock.GetUtcNow()) is { } cached)
        {
            LmsLog.PendingFromCache(_logger, teacherId);
            return new LmsResult<IReadOnlyList<BatchSubjects>>.Ok(cached);
        }

        var json = await ReadAsync(teacherId, "pending", tokens => new HttpRequestMessage(HttpMethod.Get, _urls.Pending(tokens.MentorId)), cancellationToken);
        if (json is not LmsResult<JsonNode>.Ok { Value: var body })
        {
            return Failure.Of(json).As<IReadOnlyList<BatchSubjects>>();
        }

        // Group to batch -> subjects, keeping the LMS's order.
        var batches = new List<(string Batch, List<string> Subjects)>();
        if (LmsJson.Member(body, "attendancePending") is not JsonArray items)
        {
            return Unavailable<IReadOnlyList<BatchSubjects>>(teacherId, "pending", "LMS answer has no attendancePending list");
        }

        foreach (var item in items)
        {
            if (LmsJson.Text(LmsJson.Member(item, "batchNo")) is not { Length: > 0 } batch
                || LmsJson.Text(LmsJson.Member(item, "subject")) is not { Length: > 0 } subject)
            {
                continue;
            }

            var entry = batches.Find(b => b.Batch == batch);
            if (entry.Subjects is null)
            {
                batches.Add(entry = (batch, []));
            }

            if (!entry.Subjects.Contains(subject))
            {
                entry.Subjects.Add(subject);
            }
        }

        IReadOnlyList<BatchSubjects> result = [.. batches.Select(b => new BatchSubjects(b.Batch, b.Subjects))];
        _state.CachePending(teacherId, result, _clock.GetUtcNow() + _options.CacheDuration);
        return new LmsResult<IReadOnlyList<BatchSubjects>>.Ok(result);
    }

    public async Task<LmsResult<IReadOnlyList<RosterStudent>>> GetRosterAsync(long teacherId, string batch, string subject, CancellationToken cancellationToken)
    {
        var body = new { batches = batch, subject, location = _options.Campus };
        var json = await ReadAsync(teacherId, "roster", _ => new HttpRequestMessage(HttpMethod.Post, _urls.Attend) { Content = JsonContent.Create(body) }, cancellationToken);
        if (json is not LmsResult<JsonNode>.Ok { Value: var answer })
        {
            return Failure.Of(json).As<IReadOnlyList<RosterStudent>>();
        }

        if (LmsJson.Member(answer, "students_data") is not JsonArray items)
        {
            return Unavailable<IReadOnlyList<RosterStudent>>(teacherId, "roster", "LMS answer has no students_data list");
        }

        var students = new List<RosterStudent>();
        foreach (var item in items)
        {
            if (LmsJson.Text(LmsJson.Member(item, "studentId")) is { Length: > 0 } id && !students.Exists(s => s.StudentId == id))
            {
                students.Add(new RosterStudent(id, LmsJson.Text(LmsJson.Member(item, "name")) ?? "", batch));
            }
        }

        return new LmsResult<IReadOnlyList<RosterStudent>>.Ok(students);
    }

    public async Task<SubmissionOutcome> SubmitAsync(long teacherId, AttendanceSubmission submission, CancellationToken cancellationToken)
    {
        var method = submission.IsFirst ? HttpMethod.Post : HttpMethod.Put;
        var body = new
        {
            subject = submission.Subject,
            batch = submission.Batch,
            datetime = submission.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            location = _options.Campus,
            userType = "Mentor",
            students = submission.Students.Select(s => new { studentId = s.StudentId, status = _options.Statuses.Of(s.Mark) }).ToList(),
        };
        var sent = await SendAuthorizedAsync(teacherId, "submit", _ => new HttpRequestMessage(method, _urls.Attendance) { Content = JsonContent.Create(body) }, cancellationToken);
        if (sent is not LmsResult<HttpResponseMessage>.Ok { Value: var response })
        {
            // Refused credentials wait for the teacher's new sign-in; anything else is retried.
            var refused = sent is LmsResult<HttpResponseMessage>.WrongCredentials ? SubmissionOutcome.Refused : SubmissionOutcome.Failed;
            LmsLog.Submitted(_logger, method.Method, submission.Batch, submission.Subject, submission.Date, teacherId, refused, 0);
            return refused;
        }

        using (response)
        {
            var outcome = await JudgeWriteAsync(teacherId, response, cancellationToken);
            LmsLog.Submitted(_logger, method.Method, submission.Batch, submission.Subject, submission.Date, teacherId, outcome, (int)response.StatusCode);
            return outcome;
        }
    }

    /// <summary>The LMS's answer to a write, read rather than assumed: a 2xx counts only with a JSON body that reports no error.</summary>
    private async Task<SubmissionOutcome> JudgeWriteAsync(long teacherId, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            // Redirects are not followed: a POST turned into a GET without Authorization would land on a login page.
            LmsLog.WriteNotAccepted(_logger, teacherId, status, "a redirect, not followed");
            return SubmissionOutcome.Failed;
        }

        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Forbidden))
        {
            return SubmissionOutcome.Failed;
        }

        var body = await ReadJsonAsync(teacherId, "submit", response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return LmsJson.Text(LmsJson.Member(body, "status")) == "duplicate" ? SubmissionOutcome.Duplicate : SubmissionOutcome.Failed;
        }

        if (LmsJson.WriteRefusal(body) is { } refusal)
        {
            LmsLog.WriteNotAccepted(_logger, teacherId, status, refusal);
            return SubmissionOutcome.Failed;
        }

        return SubmissionOutcome.Accepted;
    }

    /// <summary>An authorised call whose 2xx JSON object is the value; other answers are failures.</summary>
    private async Task<LmsResult<JsonNode>> ReadAsync(long teacherId, string operation, Func<LmsTokens, HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var sent = await SendAuthorizedAsync(teacherId, operation, create, cancellationToken);
        if (sent is not LmsResult<HttpResponseMessage>.Ok { Value: var response })
        {
            return Failure.Of(sent).As<JsonNode>();
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable<JsonNode>(teacherId, operation, $"LMS answered {(int)response.StatusCode}");
            }

            return await ReadJsonAsync(teacherId, operation, response, cancellationToken) is JsonObject json
                ? new LmsResult<JsonNode>.Ok(json)
                : Unavailable<JsonNode>(teacherId, operation, "LMS answer is not a JSON object");
        }
    }
}
