using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>The real bots driven over HTTP through the Bot API emulator: teacher opens a session, a student checks in.</summary>
public sealed partial class BotsOverHttpTests
{
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(40);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TeacherOpensSession_StudentChecksIn_TeacherGetsTheReport()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 10, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        var student = bots.Emulator.CreateUser("Asha");

        var otp = await OpenSessionAsync(bots, teacher);

        var welcome = await CheckInUpToVideoNoteAsync(bots, student, "s-1", otp);
        Assert.Contains("Welcome Asha, batch CS-A", welcome, StringComparison.Ordinal);
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, 4]);
        Assert.StartsWith("Processing", (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
        Assert.StartsWith("Attendance marked", (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], bots.Faces.Seen.Single().Video.ToArray());

        var report = await teacher.NextMessageAsync(bots.TeacherBot, ReportWait, Ct);
        Assert.Contains("Present: 1 of 3, absent: 2", report.Text, StringComparison.Ordinal);
        Assert.Contains("S-2 - Ben", report.Text, StringComparison.Ordinal);
        var csv = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        Assert.Contains("S-1,Asha,CS-A,present,91.5,", Encoding.UTF8.GetString(csv.File!.Bytes), StringComparison.Ordinal);

        await using var db = bots.Database.CreateContext();
        var mark = await db.Marks.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(MarkStatus.Present, mark.Status);
        Assert.Equal(1, await db.Outbox.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal("", (await db.Conversations.SingleAsync(c => c.Bot == "Student", TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task FailedFaceCheck_TellsConfidenceAndAttemptsLeft_ThenTheRetryPasses()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var student = bots.Emulator.CreateUser("Ben");
        var otp = await OpenSessionAsync(bots, teacher);
        await CheckInUpToVideoNoteAsync(bots, student, "S-2", otp);

        bots.Faces.Next = new FaceCheck.Mismatch(52, 0.9, 12, 70);
        await student.SendVideoNoteAsync(bots.StudentBot, [9, 9]);
        await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var failed = await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        bots.Faces.Next = new FaceCheck.Match(88, 0.9, 12, 70);
        await student.SendVideoNoteAsync(bots.StudentBot, [8, 8]);
        await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var passed = await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);

        Assert.Equal("Confidence 52.0 %, required 70.0 %. 1 attempt(s) left: record a new video note.", ReceiptLine.Split(failed.Text!).Body);
        Assert.StartsWith("Attendance marked", passed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaceEngineFailure_UsesNoAttempt_AndTheJobRunsAgainLater()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var student = bots.Emulator.CreateUser("Ben");
        var otp = await OpenSessionAsync(bots, teacher);
        await CheckInUpToVideoNoteAsync(bots, student, "S-2", otp);
        bots.Faces.Fault = new FaceEngineFaultException(FaceEngineFault.TempStorage, "the temp folder is full");

        await student.SendVideoNoteAsync(bots.StudentBot, [9, 9]);
        await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);

        // The job waits 30 s after our failure, then the next sweep runs it: the student hears once, about the real check.
        var answer = await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(75), Ct);
        Assert.StartsWith("Attendance marked", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, bots.Faces.Seen.Count);
        await using var db = bots.Database.CreateContext();
        var mark = await db.Marks.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((MarkStatus.Present, 1), (mark.Status, mark.AttemptsUsed));
    }

    [Fact]
    public async Task PasswordMessage_IsDeleted_AndSomeoneElsesContactRefused()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");

        await teacher.SendCommandAsync(bots.TeacherBot, "/start");
        var ask = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        Assert.True(ask.Button("Share contact").RequestContact);
        await teacher.ShareContactAsync(bots.TeacherBot, BotsHost.TeacherPhone, ownContact: false, otherUserId: 42);
        Assert.StartsWith("That is not your own contact", (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
        await teacher.ShareContactAsync(bots.TeacherBot, BotsHost.TeacherPhone);
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.SendTextAsync(bots.TeacherBot, BotsHost.Username);
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        var password = await teacher.SendTextAsync(bots.TeacherBot, "wrong-pw");

        Assert.Equal(password.MessageId, await teacher.NextDeletionAsync(bots.TeacherBot, cancellationToken: Ct));
        Assert.StartsWith("The LMS refused", (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChat_GetsNoAnswer()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");

        var group = await teacher.SendFromGroupAsync(bots.TeacherBot, "/start");
        await teacher.SendCommandAsync(bots.TeacherBot, "/help");

        Assert.StartsWith("To open an attendance session", (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            bots.Emulator.NextMessageInChatAsync(bots.TeacherBot, group.ChatId, TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task WebhookMode_RegistersBothBots_AndAnswersThroughTheSameConversation()
    {
        await using var bots = await BotsHost.StartAsync(webhookPort: LoopbackPort.Free());
        var teacher = bots.Emulator.CreateUser("Rao");
        var student = bots.Emulator.CreateUser("Asha");

        await teacher.SendCommandAsync(bots.TeacherBot, "/start");
        await student.SendCommandAsync(bots.StudentBot, "/start");

        Assert.True((await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Button("Share contact").RequestContact);
        Assert.Equal("Send your student ID.", (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text);
        Assert.Equal(0, bots.TeacherBot.CallCount("getUpdates"));
    }

    [Fact]
    public async Task WebhookPost_WithoutTheSecret_IsForbidden()
    {
        var port = LoopbackPort.Free();
        await using var bots = await BotsHost.StartAsync(webhookPort: port);
        using var http = new HttpClient();
        using var body = new StringContent("""{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"/start"}}""",
            Encoding.UTF8, "application/json");
        body.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "guess");

        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/telegram/student"), body, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PollerSurvivesServerErrorsAndFloodControl()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = bots.Emulator.CreateUser("Asha");
        bots.StudentBot.FailNext("getUpdates", BotApiFault.ServerError(), 2);
        bots.StudentBot.FailNext("getUpdates", BotApiFault.TooManyRequests(1));

        await student.SendCommandAsync(bots.StudentBot, "/help");

        Assert.StartsWith("To mark attendance", (await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(30), Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyMeetingA5xx_IsSentAgain_AndTheConversationGoesOn()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = bots.Emulator.CreateUser("Asha");
        bots.StudentBot.FailNext("sendMessage", BotApiFault.ServerError());

        await student.SendCommandAsync(bots.StudentBot, "/start");
        Assert.Equal("Send your student ID.", (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text);
        await student.SendTextAsync(bots.StudentBot, "S-1");

        Assert.StartsWith("Send the 6-digit class code", (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    /// <summary>Signs in, picks CS-A and CS-B, Maths, sends the location; returns the class code.</summary>
    internal static async Task<string> OpenSessionAsync(BotsHost bots, EmulatedUser teacher, int students = 3) =>
        CodeLine().Match((await OpenSessionMessageAsync(bots, teacher, students)).Text!).Groups[1].Value;

    /// <summary>As <see cref="OpenSessionAsync"/>; returns the "Session open" message.</summary>
    internal static async Task<BotMessage> OpenSessionMessageAsync(BotsHost bots, EmulatedUser teacher, int students = 3)
    {
        var bot = bots.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, BotsHost.Username);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, BotsHost.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "CS-A");
        await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "CS-B");
        var ticked = await teacher.NextEditAsync(bot, cancellationToken: Ct);
        Assert.Contains(ticked.Buttons, b => b.Text == "✅ CS-B");
        await teacher.PressButtonAsync(bot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, subjects, "Maths");
        var askLocation = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        Assert.True(askLocation.Button("Send location").RequestLocation);
        await teacher.SendLocationAsync(bot, 12.97160, 77.59460);
        var opened = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        Assert.Contains($"Students: {students}", opened.Text, StringComparison.Ordinal);
        return opened;
    }

    /// <summary>/start, student ID and code; returns the answer to the code.</summary>
    internal static async Task<string> CheckInUpToCodeAsync(BotsHost bots, EmulatedUser student, string studentId, string otp)
    {
        var bot = bots.StudentBot;
        await student.SendCommandAsync(bot, "/start");
        await student.NextMessageAsync(bot, cancellationToken: Ct);
        await student.SendTextAsync(bot, studentId);
        await student.NextMessageAsync(bot, cancellationToken: Ct);
        await student.SendTextAsync(bot, otp);
        return (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text!;
    }

    /// <summary>Student ID, code, a live location in the room; returns the welcome text.</summary>
    internal static async Task<string> CheckInUpToVideoNoteAsync(BotsHost bots, EmulatedUser student, string studentId, string otp)
    {
        var bot = bots.StudentBot;
        await student.SendCommandAsync(bot, "/start");
        await student.NextMessageAsync(bot, cancellationToken: Ct);
        await student.SendTextAsync(bot, studentId);
        await student.NextMessageAsync(bot, cancellationToken: Ct);
        await student.SendTextAsync(bot, otp);
        var welcome = await student.NextMessageAsync(bot, cancellationToken: Ct);
        await student.SendLocationAsync(bot, 12.97170, 77.59460, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("You are in the class area", (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
        return welcome.Text!;
    }

    [GeneratedRegex(@"Code: (\d{6})")]
    private static partial Regex CodeLine();
}
