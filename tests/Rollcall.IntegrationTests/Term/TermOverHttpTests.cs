using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.EndToEnd;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Term;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Teachers;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.Term;

/// <summary>/history, /attendance and the warnings after a report, through both real bots over HTTP, on seeded terms.</summary>
public sealed class TermOverHttpTests(FacesFixture faces)
{
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task History_ShowsEachStudentCountedByTheRule_TheBelowList_TheChart_AndTheFile()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var teacher = stack.Emulator.CreateUser("Karimov");
        await SignInAsync(stack, teacher);
        var term = SeededTerm.Create(sessions: 30, students: 8, batch: "B-101", subject: "Python");
        await term.WriteAsync(Database(stack), await TeacherIdAsync(stack), Ct);

        await teacher.SendCommandAsync(stack.TeacherBot, "/history");
        var pick = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        Assert.Equal("Pick a batch and subject (sessions held this term):", pick.Text);
        Assert.Equal(["B-101 · Maths (3)", "B-101 · Python (30)", "CS-B · Python (3)"], pick.Buttons.Select(b => b.Text));
        await teacher.PressButtonAsync(stack.TeacherBot, pick, "B-101 · Python");
        var body = (await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct)).Text!;
        var chart = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var file = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);

        // Counted here by hand: Late is attended, Excused is left out of held, everything else held and missed.
        var held = term.Held.ToList();
        var expected = term.Students.Select(s =>
        {
            var marks = held.Where(h => h.Marks.ContainsKey(s.StudentId)).Select(h => h.Marks[s.StudentId]).ToList();
            var attended = marks.Count(m => m is MarkStatus.Present or MarkStatus.Late);
            var counted = marks.Count(m => m != MarkStatus.Excused);
            return (s.StudentId, Line: $"{s.StudentId} - {s.Name}: {attended} of {counted} ({100.0 * attended / counted:0.0} %)", Below: 100.0 * attended < 75.0 * counted);
        }).ToList();
        Assert.Contains(held, h => h.Marks.Values.Contains(MarkStatus.Late));
        Assert.Contains(held, h => h.Marks.Values.Contains(MarkStatus.Excused));
        Assert.StartsWith($"Attendance: B-101, Python\nSessions held: 30 ({held[0].Date:yyyy-MM-dd} to {held[^1].Date:yyyy-MM-dd})\n" +
            $"Counted: late as attended, excused as not held.\nBelow 75 %: {expected.Count(e => e.Below)} of 8\n\nLowest first:\n", body, StringComparison.Ordinal);
        var threshold = body.IndexOf("---- 75 % ----", StringComparison.Ordinal);
        Assert.True(threshold > 0, body);
        Assert.All(expected, e => Assert.True(body.IndexOf(e.Line, StringComparison.Ordinal) is var at && at > 0 && (at < threshold) == e.Below, $"{e.Line}\n{body}"));

        Assert.Equal(BotFileKind.Photo, chart.File!.Kind);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.File.Bytes[..4]);
        Assert.Equal($"attendance-B-101-Python-{held[0].Date:yyyy-MM-dd}-{held[^1].Date:yyyy-MM-dd}.xlsx", file.File!.FileName);
        var sheet = Assert.Single(ExportReader.Xlsx(file.File.Bytes));
        for (var i = 0; i < expected.Count; i++)
        {
            var row = sheet.Row(i + 2, 5);
            Assert.Equal(expected[i].StudentId, row[0]);
            Assert.Equal(expected[i].Line, $"{row[0]} - {row[1]}: {row[3]} of {row[4]} ({double.Parse(sheet.Cells[$"F{i + 2}"], System.Globalization.CultureInfo.InvariantCulture):0.0} %)");
        }
    }

    [Fact]
    public async Task History_ForSomeoneNotSignedIn_ShowsNothing()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        await SeededTerm.Create(sessions: 5, students: 3, batch: "B-101").WriteAsync(Database(stack), null, Ct);
        var stranger = stack.Emulator.CreateUser("Stranger");

        await stranger.SendCommandAsync(stack.TeacherBot, "/history");

        Assert.Equal("Sign in first: send /start. Then /history shows the attendance of the classes you teach.",
            (await stranger.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task Attendance_ShowsTheStudentsOwnFiguresPerSubject_AndTheirLatestSessions()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var term = SeededTerm.Create(sessions: 30, students: 4, batch: "B-101", subject: "Python");
        await term.WriteAsync(Database(stack), null, Ct);
        var student = stack.Emulator.CreateUser("Dilnoza");
        var stranger = stack.Emulator.CreateUser("Stranger");
        var id = term.Students[^1].StudentId;
        await BindAsync(stack, id, student);

        await student.SendCommandAsync(stack.StudentBot, "/attendance");
        await stranger.SendCommandAsync(stack.StudentBot, "/attendance");
        var text = (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!;

        Assert.StartsWith($"Your attendance this term ({id}):\n\n", text, StringComparison.Ordinal);
        foreach (var subject in new[] { SeededTerm.OtherSubject, term.Subject })
        {
            var mine = term.Sessions.Where(s => s.Subject == subject && s.Marks.ContainsKey(id)).ToList();
            var attended = mine.Count(s => s.Marks[id] is MarkStatus.Present or MarkStatus.Late);
            var counted = mine.Count(s => s.Marks[id] != MarkStatus.Excused);
            var below = 100.0 * attended < 75.0 * counted ? ", below the required 75 %" : "";
            var latest = string.Join(", ", mine.TakeLast(5).Reverse().Select(s => $"{s.Date:yyyy-MM-dd} {Word(s.Marks[id])}"));
            Assert.Contains($"{subject}: {attended} of {counted} sessions ({100.0 * attended / counted:0.0} %){below}\nLatest: {latest}", text, StringComparison.Ordinal);
        }

        Assert.StartsWith("I do not know your student ID yet", (await stranger.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheReport_AStudentFallingBelow75_IsWarnedOnce_AndTheTeacherToldInTheReport()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 10, reportDelaySeconds: 1);
        var (report, alice, bobur) = await ReportAfterAPastTermAsync(stack);

        Assert.Contains("Present: 0 of 3, absent: 3\nFell below 75 % with this session: ST-001 - Alice Karimova (60.0 %)\n\n", report, StringComparison.Ordinal);
        Assert.Equal("Your attendance in Python is 60.0 % (3 of 5 sessions), below the required 75 %. Attend the coming classes to get back above it; /attendance shows where you stand.",
            (await alice.NextMessageAsync(stack.StudentBot, ReportWait, Ct)).Text);

        await using var check = Database(stack).CreateContext();
        Assert.Equal(["ST-001"], await check.AuditLog.Where(a => a.Action == AuditAction.AttendanceWarning).Select(a => a.StudentId!).ToListAsync(Ct));
        Assert.Equal(["ST-001", "ST-002"], await check.AttendanceWarnings.OrderBy(w => w.StudentId).Select(w => w.StudentId).ToListAsync(Ct));
        await Assert.ThrowsAsync<TimeoutException>(() => bobur.NextMessageAsync(stack.StudentBot, TimeSpan.FromSeconds(3), Ct));
    }

    [Fact]
    public async Task WithWarningsOff_TheReportNamesNobody_AndNoStudentIsWritten()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 10, reportDelaySeconds: 1,
            settings: new Dictionary<string, string?> { ["ATTENDANCE_WARNINGS"] = "off" });
        var (report, alice, _) = await ReportAfterAPastTermAsync(stack);

        Assert.Contains("Present: 0 of 3, absent: 3\n\nPresent:", report, StringComparison.Ordinal);
        await using var check = Database(stack).CreateContext();
        Assert.Equal(["ST-002"], await check.AttendanceWarnings.Select(w => w.StudentId).ToListAsync(Ct));
        await Assert.ThrowsAsync<TimeoutException>(() => alice.NextMessageAsync(stack.StudentBot, TimeSpan.FromSeconds(3), Ct));
    }

    /// <summary>
    /// Before today: Alice at 3 of 4 (75 %, not below), Bobur at 1 of 4 and already told, Dilnoza at 4 of 4. Today's session
    /// has nobody checking in, so Alice falls to 3 of 5, Bobur to 1 of 5 and Dilnoza to 4 of 5 (80 %). Returns the report's text.
    /// </summary>
    private static async Task<(string Report, EmulatedUser Alice, EmulatedUser Bobur)> ReportAfterAPastTermAsync(LmsClassStack stack)
    {
        var teacher = stack.Emulator.CreateUser("Karimov");
        var alice = stack.Emulator.CreateUser("Alice");
        var bobur = stack.Emulator.CreateUser("Bobur");
        MarkStatus? p = MarkStatus.Present;
        var past = SeededTerm.Of("B-101", "Python", [("ST-001", "Alice Karimova"), ("ST-002", "Bobur Aliyev"), ("ST-003", "Dilnoza Rashidova")],
            [[p, p, p], [p, null, p], [p, null, p], [null, null, p]], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        var database = Database(stack);
        await past.WriteAsync(database, await TeacherIdAsync(stack), Ct);
        await BindAsync(stack, "ST-001", alice);
        await BindAsync(stack, "ST-002", bobur);
        await using (var db = database.CreateContext())
        {
            db.AttendanceWarnings.Add(new AttendanceWarning { StudentId = "ST-002", Subject = "Python", WarnedAt = DateTimeOffset.UtcNow.AddDays(-10) });
            await db.SaveChangesAsync(Ct);
        }

        foreach (var student in new[] { alice, bobur })
        {
            // A bot can only write to someone who has started it; a bound student has, at their first check-in.
            await student.SendCommandAsync(stack.StudentBot, "/help");
            await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        }

        Assert.Matches("^[0-9]{6}$", await OpenSessionAsync(stack, teacher, ["B-101"], "Python"));
        var report = (await teacher.NextMessageAsync(stack.TeacherBot, ReportWait, Ct)).Text!;
        Assert.StartsWith("Attendance report", report, StringComparison.Ordinal);
        return (report, alice, bobur);
    }

    private static string Word(MarkStatus? status) => status switch
    {
        MarkStatus.Present => "present",
        MarkStatus.Late => "late",
        MarkStatus.Excused => "excused",
        _ => "absent",
    };

    private static RollcallDatabase Database(LmsClassStack stack) => stack.Host.App.Services.GetRequiredService<RollcallDatabase>();

    private static async Task<long> TeacherIdAsync(LmsClassStack stack) =>
        (await stack.Host.App.Services.GetRequiredService<TeacherStore>().FindByPhoneAsync(LmsClassStack.TeacherPhone, Ct))!.Id;

    private static async Task BindAsync(LmsClassStack stack, string studentId, EmulatedUser user)
    {
        await using var db = Database(stack).CreateContext();
        db.StudentBindings.Add(new StudentBinding { StudentId = studentId, TelegramUserId = user.Id, BoundAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
    }
}
