using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Rollcall.Simulation.Lms;

/// <summary>The LMS's data calls: pending batches, rosters and attendance records.</summary>
public sealed partial class LmsServer
{
    private readonly Lock _recordsGate = new();
    private readonly Dictionary<(string Batch, string Subject, string Date), LmsAttendanceRecord> _records = [];

    /// <summary>The records the LMS holds now.</summary>
    public IReadOnlyList<LmsAttendanceRecord> Records
    {
        get
        {
            lock (_recordsGate)
            {
                return [.. _records.Values];
            }
        }
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapPost("/api/v1/login", LoginAsync);
        app.MapPost("/api/v1/logout", LogoutAsync);
        app.MapPost("/auth/refresh", Refresh);
        app.MapGet("/api/v1/attendance", GetPending);
        app.MapPost("/api/v1/attend", GetStudentsAsync);
        app.MapGet("/api/v1/getattends", GetAttendance);
        app.MapPost("/api/v1/attendance", (HttpRequest request) => WriteAttendanceAsync(request, create: true));
        app.MapPut("/api/v1/attendance", (HttpRequest request) => WriteAttendanceAsync(request, create: false));
    }

    private IResult GetPending(HttpRequest request)
    {
        var mentorId = Authorize(request);
        if (mentorId is null)
        {
            return Unauthorized();
        }

        if (request.Query["role"] != "Mentor" || request.Query["mentorId"] != mentorId)
        {
            return Results.Json(new { message = "mentorId must be yours and role must be Mentor" }, statusCode: 400);
        }

        var teacher = Seed.Teachers.First(t => t.MentorId == mentorId);
        var pending = teacher.Pending.Select(p => new { batchNo = p.Batch, subject = p.Subject, mentorId, status = "pending" });
        return Results.Json(new { attendancePending = pending });
    }

    private async Task<IResult> GetStudentsAsync(HttpRequest request)
    {
        if (Authorize(request) is null)
        {
            return Unauthorized();
        }

        var body = await ReadBodyAsync(request);
        var batch = (string?)body?["batches"];
        if (string.IsNullOrEmpty(batch) || string.IsNullOrEmpty((string?)body?["subject"]) || (string?)body?["location"] != Seed.Campus)
        {
            return Results.Json(new { message = "batches, subject and a known location are required" }, statusCode: 400);
        }

        var students = Seed.Students.Where(s => s.Batch == batch).Select(s => new { studentId = s.StudentId, name = s.Name, batch = s.Batch });
        return Results.Json(new { students_data = students });
    }

    private IResult GetAttendance(HttpRequest request)
    {
        if (Authorize(request) is null)
        {
            return Unauthorized();
        }

        string batch = request.Query["batch"].ToString(), subject = request.Query["subject"].ToString();
        var data = new JsonArray();
        foreach (var record in Records.Where(r => r.Batch == batch && r.Subject == subject))
        {
            var students = new JsonArray([.. record.Students.Select(s => (JsonNode)new JsonObject
            {
                ["studentId"] = s.Key,
                ["name"] = Seed.Students.FirstOrDefault(st => st.StudentId == s.Key)?.Name ?? "",
                ["status"] = s.Value,
            })]);
            var byDate = new JsonObject { [record.Date] = new JsonObject { [subject] = new JsonObject { ["students"] = students } } };
            data.Add(_options.OmitDatesLevel ? byDate : new JsonObject { ["dates"] = byDate });
        }

        return Results.Text(new JsonObject { ["data"] = data }.ToJsonString(), "application/json");
    }

    private async Task<IResult> WriteAttendanceAsync(HttpRequest request, bool create)
    {
        if (Authorize(request) is null)
        {
            return Unauthorized();
        }

        var record = ParseRecord(await ReadBodyAsync(request), create ? "POST" : "PUT");
        if (record is null)
        {
            return Results.Json(new { message = "subject, batch, datetime (YYYY-MM-DD), location, userType Mentor and students are required" }, statusCode: 400);
        }

        lock (_recordsGate)
        {
            var key = (record.Batch, record.Subject, record.Date);
            var exists = _records.ContainsKey(key);
            if (create && exists)
            {
                return Results.Json(new { status = "duplicate", message = "Attendance already recorded" }, statusCode: 403);
            }

            if (!create && !exists)
            {
                return Results.Json(new { message = "Attendance not found" }, statusCode: 404);
            }

            _records[key] = record;
        }

        _submissions.Writer.TryWrite(record);
        return Results.Json(new { message = create ? "Attendance created" : "Attendance updated" }, statusCode: create ? 201 : 200);
    }

    private LmsAttendanceRecord? ParseRecord(JsonObject? body, string method)
    {
        var date = (string?)body?["datetime"];
        if (body?["students"] is not JsonArray students
            || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || (string?)body["userType"] != "Mentor"
            || (string?)body["location"] != Seed.Campus
            || (string?)body["batch"] is not { Length: > 0 } batch
            || (string?)body["subject"] is not { Length: > 0 } subject)
        {
            return null;
        }

        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var student in students)
        {
            var status = (int?)student?["status"];
            if ((string?)student?["studentId"] is not { Length: > 0 } id || status is not (0 or 1) || !statuses.TryAdd(id, status.Value))
            {
                return null;
            }
        }

        return new LmsAttendanceRecord(batch, subject, date!, Seed.Campus, method, statuses);
    }

    private static IResult Unauthorized() => Results.Json(new { message = "Unauthorized" }, statusCode: 401);
}
