using System.Globalization;
using System.Text;
using Rollcall.IntegrationTests.Support;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>Two rostered students check in with live-like clips on the real face engine; the LMS gets POST then PUT.</summary>
public sealed class StudentCheckInTests(FacesFixture faces)
{
    [Fact]
    public async Task TwoStudentsCheckIn_TheLmsGetsPostThenPut_AndTheReportListsPresentAndAbsent()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 20, reportDelaySeconds: 0,
            photos: new Dictionary<string, string> { ["ST-001"] = TestFaces.Person01, ["ST-002"] = TestFaces.Person02 });
        byte[] alice = EndToEndClips.AliceLive(stack.FaceEngine), bobur = EndToEndClips.BoburLive(stack.FaceEngine);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var aliceUser = stack.Emulator.CreateUser("Alice");
        Assert.Equal("Welcome Alice Karimova, batch B-101. Share your live location: tap the paperclip, Location, \"Share my live location\".",
            await SendIdAndCodeAsync(stack, aliceUser, "ST-001", otp));
        await aliceUser.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.Equal("You are in the class area. Now record a video note (the round video: hold the microphone button, tap it to switch to video) showing your face.",
            (await aliceUser.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text);
        Assert.Equal("Attendance marked: present in Python.", await SendVideoNoteAsync(stack, aliceUser, alice));
        var first = await stack.Lms.NextSubmissionAsync(VerificationWait, Ct);

        var boburUser = stack.Emulator.CreateUser("Bobur");
        await UpToVideoNoteAsync(stack, boburUser, "ST-002", otp);
        Assert.Equal("Attendance marked: present in Python.", await SendVideoNoteAsync(stack, boburUser, bobur));
        var second = await stack.Lms.NextSubmissionAsync(VerificationWait, Ct);

        Assert.Equal(("POST", "B-101", "Python", today), (first.Method, first.Batch, first.Subject, first.Date));
        Assert.Equal(new Dictionary<string, int> { ["ST-001"] = 1, ["ST-002"] = 0, ["ST-003"] = 0 }, first.Students);
        Assert.Equal("PUT", second.Method);
        Assert.Equal(new Dictionary<string, int> { ["ST-001"] = 1, ["ST-002"] = 1, ["ST-003"] = 0 }, second.Students);
        var post = Json(Assert.Single(stack.Lms.CallsTo("POST", "/api/v1/attendance")).Body);
        Assert.Equal(("Python", "B-101", today, "Main Campus", "Mentor"),
            ((string?)post["subject"], (string?)post["batch"], (string?)post["datetime"], (string?)post["location"], (string?)post["userType"]));
        Assert.Equal(3, post["students"]!.AsArray().Count);
        var put = Assert.Single(stack.Lms.CallsTo("PUT", "/api/v1/attendance"));
        Assert.Equal(["ST-001", "ST-002"], Json(put.Body)["students"]!.AsArray()
            .Where(s => (int?)s!["status"] == 1).Select(s => (string?)s!["studentId"]).Order());

        var (text, csv) = await TeacherOverLmsTests.ReportAsync(stack, teacher);
        Assert.EndsWith("Present: 2 of 3, absent: 1\n\nPresent:\nST-001 - Alice Karimova\nST-002 - Bobur Aliyev\n\nAbsent:\nST-003 - Dilnoza Rashidova", text, StringComparison.Ordinal);
        var rows = Encoding.UTF8.GetString(csv.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ST-001,Alice Karimova,B-101,present,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("ST-002,Bobur Aliyev,B-101,present,", rows[2], StringComparison.Ordinal);
        Assert.Equal("ST-003,Dilnoza Rashidova,B-101,absent,,,,", rows[3]);
        Assert.InRange(double.Parse(rows[1].Split(',')[4], CultureInfo.InvariantCulture), 70, 100);
    }
}
