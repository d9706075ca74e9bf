using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>The teacher's whole journey on the real host against the fake LMS over HTTP (LMS_MODE=http).</summary>
public sealed partial class TeacherOverLmsTests(FacesFixture faces)
{
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Teacher_SignsIn_OpensASession_AndGetsTheReportWithItsCsv()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 10, reportDelaySeconds: 1);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var bot = stack.TeacherBot;

        await teacher.SendCommandAsync(bot, "/start");
        var askContact = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        var hello = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        var askPassword = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        var password = await teacher.SendTextAsync(bot, LmsClassStack.Password);
        var deleted = await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "B-101");
        var oneTicked = await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "B-102");
        var twoTicked = await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, subjects, "Python");
        var askLocation = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendLocationAsync(bot, LmsClassStack.Latitude, LmsClassStack.Longitude, horizontalAccuracy: 10);
        var opened = await teacher.NextMessageAsync(bot, cancellationToken: Ct);

        Assert.Equal(AskContact, askContact.Text);
        Assert.True(askContact.Button("Share contact").RequestContact);
        Assert.Equal("Hello Dr Karimov. Send your LMS email or username.", hello.Text);
        Assert.Equal(AskPassword, askPassword.Text);
        Assert.Equal(password.MessageId, deleted);
        Assert.Equal(ChooseBatches, batches.Text);
        Assert.Equal(["B-101", "B-102", "Done"], batches.Buttons.Select(b => b.Text));
        Assert.Equal(["✅ B-101", "B-102", "Done"], oneTicked.Buttons.Select(b => b.Text));
        Assert.Equal(["✅ B-101", "✅ B-102", "Done"], twoTicked.Buttons.Select(b => b.Text));
        Assert.Equal("Choose the subject.", subjects.Text);
        Assert.Equal(["Python"], subjects.Buttons.Select(b => b.Text));
        Assert.Equal("Tap \"Send location\" below: your position becomes the centre of the class area.", askLocation.Text);
        Assert.True(askLocation.Button("Send location").RequestLocation);
        Assert.Matches(SessionOpened(), opened.Text);

        var login = Assert.Single(stack.Lms.CallsTo("POST", "/api/v1/login"));
        Assert.Equal(200, login.Status);
        Assert.Equal(LmsClassStack.Email, (string?)Json(login.Body)["email"]);
        Assert.Equal(LmsClassStack.Password, (string?)Json(login.Body)["password"]);
        var pending = Assert.Single(stack.Lms.CallsTo("GET", "/api/v1/attendance"));
        Assert.Equal("?mentorId=M-1001&role=Mentor", pending.Query);
        Assert.Equal("M-1001", MentorOf(pending.Authorization));
        var attend = stack.Lms.CallsTo("POST", "/api/v1/attend");
        Assert.Equal(["B-101", "B-102"], attend.Select(c => (string?)Json(c.Body)["batches"]).Order());
        Assert.All(attend, c =>
        {
            Assert.Equal("Python", (string?)Json(c.Body)["subject"]);
            Assert.Equal("Main Campus", (string?)Json(c.Body)["location"]);
            Assert.Equal("M-1001", MentorOf(c.Authorization));
        });

        var (text, csv) = await ReportAsync(stack, teacher);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(
            $"Attendance report\nBatches: B-101, B-102\nSubject: Python\nDate: {today}\nPresent: 0 of 6, absent: 6\n\nPresent:\n(none)\n\nAbsent:\n"
            + "ST-001 - Alice Karimova\nST-002 - Bobur Aliyev\nST-003 - Dilnoza Rashidova\nST-011 - Eldor Usmonov\nST-012 - Feruza Yusupova\nST-013 - Gulnora Saidova",
            text);
        Assert.Equal($"attendance-Python-{today}.csv", csv.FileName);
        Assert.Equal(
            "student_id,name,batch,status,similarity,time,remark,left_area_at\nST-001,Alice Karimova,B-101,absent,,,,\nST-002,Bobur Aliyev,B-101,absent,,,,\nST-003,Dilnoza Rashidova,B-101,absent,,,,\n"
            + "ST-011,Eldor Usmonov,B-102,absent,,,,\nST-012,Feruza Yusupova,B-102,absent,,,,\nST-013,Gulnora Saidova,B-102,absent,,,,\n",
            Encoding.UTF8.GetString(csv.Bytes));
    }

    [Fact]
    public async Task UnknownPhone_IsNotRegistered_AndTheLmsIsNotCalled()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var stranger = stack.Emulator.CreateUser("Stranger");

        await stranger.SendCommandAsync(stack.TeacherBot, "/start");
        await stranger.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        await stranger.ShareContactAsync(stack.TeacherBot, "+998 99 000 00 00");

        Assert.Equal("This phone number is not registered as a teacher. Please contact the admin.",
            (await stranger.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct)).Text);
        Assert.Empty(stack.Lms.Calls);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_ThenTheRightOneSignsIn()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var bot = stack.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);

        var wrong = await teacher.SendTextAsync(bot, "not-the-password");
        Assert.Equal(wrong.MessageId, await teacher.NextDeletionAsync(bot, cancellationToken: Ct));
        Assert.Equal("The LMS refused that email or password. Send your LMS email or username again.",
            (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        Assert.Equal(AskPassword, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        var right = await teacher.SendTextAsync(bot, LmsClassStack.Password);
        Assert.Equal(right.MessageId, await teacher.NextDeletionAsync(bot, cancellationToken: Ct));

        Assert.Equal(ChooseBatches, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        Assert.Equal([401, 200], stack.Lms.CallsTo("POST", "/api/v1/login").Select(c => c.Status));
    }

    [Fact]
    public async Task LmsDownAtLogin_SaysSo_AndTheSamePasswordWorksOnceItIsBack()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var bot = stack.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);

        await stack.Lms.StopAsync(Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var down = await teacher.NextMessageAsync(bot, TimeSpan.FromSeconds(60), Ct);
        await stack.Lms.StartAsync(Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);

        Assert.Equal("The LMS cannot be reached right now. Send your password again in a minute to try again.", down.Text);
        Assert.Equal(ChooseBatches, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task TeacherWithSessionToday_CannotOpenADuplicate()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var teacher = stack.Emulator.CreateUser("Karimov");
        await OpenSessionAsync(stack, teacher, ["B-101"], "Python");

        await teacher.SendCommandAsync(stack.TeacherBot, "/start");
        Assert.Equal("Welcome back, Dr Karimov.", (await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct)).Text);
        var batches = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var refused = await ChooseAndOpenAsync(stack, teacher, batches, ["B-101"], "Python");

        Assert.Equal("A session for batch B-101, Python already exists today: here it is. Send /start to open a different one.", refused);
        Assert.Single(stack.Lms.CallsTo("POST", "/api/v1/login"));
    }

    [Fact]
    public async Task HostRestartedAfterTheEmailStep_TheConversationContinuesWithThePassword()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var bot = stack.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        Assert.Equal(AskPassword, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);

        await stack.RestartHostAsync();
        var password = await teacher.SendTextAsync(bot, LmsClassStack.Password);

        Assert.Equal(password.MessageId, await teacher.NextDeletionAsync(bot, cancellationToken: Ct));
        Assert.Equal(ChooseBatches, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        Assert.Equal(LmsClassStack.Email, (string?)Json(Assert.Single(stack.Lms.CallsTo("POST", "/api/v1/login")).Body)["email"]);
    }

    [Fact]
    public async Task HostRestartedBeforeTheReportIsDue_TheNewHostSendsItExactlyOnce()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 10, reportDelaySeconds: 1);
        var teacher = stack.Emulator.CreateUser("Karimov");
        await OpenSessionAsync(stack, teacher, ["B-102"], "Python");

        await stack.RestartHostAsync();
        var (text, _) = await ReportAsync(stack, teacher);

        Assert.Contains("Batches: B-102\nSubject: Python\n", text, StringComparison.Ordinal);
        Assert.Contains("Present: 0 of 3, absent: 3", text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => teacher.NextMessageAsync(stack.TeacherBot, TimeSpan.FromSeconds(4), Ct));
    }

    /// <summary>The report's three messages: the text, the CSV file and the chart; returns the text and the CSV.</summary>
    internal static async Task<(string Text, BotFile Csv)> ReportAsync(LmsClassStack stack, EmulatedUser teacher)
    {
        var text = await teacher.NextMessageAsync(stack.TeacherBot, ReportWait, Ct);
        var csv = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var chart = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        Assert.NotNull(csv.File);
        Assert.Equal(BotFileKind.Photo, chart.File?.Kind);
        return (text.Text!, csv.File);
    }

    // The mentor id in the bearer JWT's payload: proves the call carries the teacher's access token.
    private static string? MentorOf(string? authorization)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        var claims = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("access", (string?)claims["type"]);
        return (string?)claims["id"] ?? (string?)claims["sub"];
    }

    [GeneratedRegex(@"^Session open\.\nCode: (\d{6})\nBatches: B-101, B-102\nSubject: Python\nStudents: 6\nThe code is valid until \d\d:\d\d:\d\d UTC\. Check-ins begun by then can finish until \d\d:\d\d:\d\d UTC; then I send you the report\.\nStudents scan the QR or open t\.me/test_student_bot\?start=\1\nPresent 0 · in review 0 · refused 0 · not yet 6\nCentre: your location, ±10 m$")]
    private static partial Regex SessionOpened();
}
