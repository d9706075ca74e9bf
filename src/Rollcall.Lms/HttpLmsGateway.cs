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
        foreach (var item in body["attendancePending"] as JsonArray ?? [])
        {
            if (Text(item?["batchNo"]) is not { Length: > 0 } batch || Text(item?["subject"]) is not { Length: > 0 } subject)
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

        var students = new List<RosterStudent>();
        foreach (var item in answer["students_data"] as JsonArray ?? [])
        {
            if (Text(item?["studentId"]) is { Length: > 0 } id && !students.Exists(s => s.StudentId == id))
            {
                students.Add(new RosterStudent(id, Text(item?["name"]) ?? "", batch));
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
            LmsLog.Submitted(_logger, method.Method, submission.Batch, submission.Subject, submission.Date, teacherId, SubmissionOutcome.Failed, 0);
            return SubmissionOutcome.Failed;
        }

        using (response)
        {
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.Created => SubmissionOutcome.Accepted,
                HttpStatusCode.Forbidden when Text((await ReadJsonAsync(teacherId, "submit", response, cancellationToken))?["status"]) == "duplicate" => SubmissionOutcome.Duplicate,
                _ => SubmissionOutcome.Failed,
            };
            LmsLog.Submitted(_logger, method.Method, submission.Batch, submission.Subject, submission.Date, teacherId, outcome, (int)response.StatusCode);
            return outcome;
        }
    }

    /// <summary>An authorised call whose 200 JSON body is the value; other answers are failures.</summary>
    private async Task<LmsResult<JsonNode>> ReadAsync(long teacherId, string operation, Func<LmsTokens, HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var sent = await SendAuthorizedAsync(teacherId, operation, create, cancellationToken);
        if (sent is not LmsResult<HttpResponseMessage>.Ok { Value: var response })
        {
            return Failure.Of(sent).As<JsonNode>();
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return Unavailable<JsonNode>(teacherId, operation, "LMS refused a freshly renewed token");
            }

            if (!response.IsSuccessStatusCode)
            {
                return Unavailable<JsonNode>(teacherId, operation, $"LMS answered {(int)response.StatusCode}");
            }

            return await ReadJsonAsync(teacherId, operation, response, cancellationToken) is { } json
                ? new LmsResult<JsonNode>.Ok(json)
                : new LmsResult<JsonNode>.Unavailable("LMS answer is not readable JSON");
        }
    }

    /// <summary>A string or number as text: some LMS versions send ids as numbers.</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
