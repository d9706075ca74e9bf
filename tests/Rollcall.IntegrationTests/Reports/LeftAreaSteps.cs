using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rollcall.Faces;
using Rollcall.Geofence;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Reports;

/// <summary>Students who share a live location, check in, then move (H2): the steps and what the mark keeps.</summary>
internal static class LeftAreaSteps
{
    /// <summary>The teacher's point in <see cref="BotsOverHttpTests.OpenSessionAsync"/>.</summary>
    public const double CentreLatitude = 12.97160;

    /// <summary>About 300 m north of the centre (0.0027 degrees of latitude).</summary>
    public const double FarLatitude = CentreLatitude + 0.0027;

    public static double FarMetres => GeodesicDistance.Metres(CentreLatitude, Longitude, FarLatitude, Longitude);

    /// <summary>ID, code, a live location inside and a video note; the face check answers <paramref name="face"/> (a match by default).</summary>
    public static async Task<UserMessage> CheckInSharingAsync(BotsHost bots, EmulatedUser student, string studentId, string otp, FaceCheck? face = null)
    {
        await AtLocationAsync(bots, student, studentId, otp);
        var live = await student.SendLocationAsync(bots.StudentBot, InsideLatitude, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("You are in the class area.", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
        bots.Faces.Next = face ?? new FaceCheck.Match(91.5, 0.95, 12, 70);
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, (byte)studentId.Length]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        await student.ReplyAsync(bots.StudentBot);
        return live;
    }

    /// <summary>
    /// Moves the live location, then waits until the bot has handled it: a later fix has no answer, so /help follows it in
    /// the same chat (updates of one chat are handled in order) and its answer is read.
    /// </summary>
    public static async Task MoveAsync(BotsHost bots, EmulatedUser student, UserMessage live, double latitude, double? accuracy = 8)
    {
        await student.EditLiveLocationAsync(bots.StudentBot, live, latitude, Longitude, accuracy);
        await HandledAsync(bots, student);
    }

    /// <summary>Waits until everything <paramref name="student"/> sent so far is handled (see <see cref="MoveAsync"/>).</summary>
    public static async Task HandledAsync(BotsHost bots, EmulatedUser student)
    {
        await student.SendCommandAsync(bots.StudentBot, "/help");
        Assert.StartsWith("To mark attendance:", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
    }

    /// <summary>What the mark keeps of a departure, and the audit rows saying so.</summary>
    public static async Task<(DateTimeOffset? At, double? Metres, int Audited)> LeftAsync(BotsHost bots, string studentId)
    {
        await using var db = bots.Database.CreateContext();
        var mark = await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == studentId, Ct);
        var audited = await db.AuditLog.CountAsync(a => a.StudentId == studentId && a.Action == Attendance.AuditAction.LeftArea, Ct);
        return (mark.LeftAreaAt, mark.LeftAreaMetres, audited);
    }

    /// <summary>The scheduled report's text and CSV (the teacher's notices before it are skipped).</summary>
    public static async Task<(string Text, string Csv)> ReportAsync(BotsHost bots, EmulatedUser teacher)
    {
        while (true)
        {
            var message = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
            if (message.Text?.StartsWith("Attendance report", StringComparison.Ordinal) == true)
            {
                var csv = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
                return (message.Text, System.Text.Encoding.UTF8.GetString(csv.File!.Bytes));
            }
        }
    }

    /// <summary>"10:12" in Asia/Kolkata, as the report shows a time of day.</summary>
    public static string Kolkata(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).ToString("HH:mm", CultureInfo.InvariantCulture);
}
