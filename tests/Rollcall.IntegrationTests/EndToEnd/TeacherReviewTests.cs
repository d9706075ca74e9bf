using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>
/// Grey-band check-ins on the real engine with real clips: the student is told it awaits the teacher, the teacher gets
/// the ID photo and the video frame side by side with Approve / Reject, and the decision reaches the student, the LMS and the report.
/// </summary>
public sealed class TeacherReviewTests(FacesFixture faces)
{
    private const string ReviewPending = "Your check-in for Python is waiting for your teacher's review. I will message you when they decide.";

    [Fact]
    public async Task SimilarityJustBelowTheThreshold_GoesToTheTeacher_WhoRejects()
    {
        // A threshold of 60 with REVIEW_BAND=50 puts an impostor's similarity in the band (Bobur's clip against Alice's photo: 18.9),
        // so the real engine produces a grey case.
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600,
            photos: new Dictionary<string, string> { ["ST-001"] = TestFaces.Person01 },
            settings: new Dictionary<string, string?> { ["REVIEW_BAND"] = "50", ["FACE_MATCH_THRESHOLD"] = "60" });
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var student = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, student, "ST-001", otp);

        var (pending, _) = await SendVideoNoteWithReceiptAsync(stack, student, EndToEndClips.BoburLive(stack.FaceEngine));
        var review = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);
        await teacher.PressButtonAsync(stack.TeacherBot, review, "Reject");
        var toTeacher = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var (toStudent, receipt) = ReceiptLine.Split((await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!);

        Assert.Equal(ReviewPending, pending);
        AssertReviewCard(review, "Review: ST-001 - Alice Karimova, Python\nWhy: similarity just below the required 60.0\nSimilarity: ",
            "Location: inside the allowed distance\nLeft: ID photo, right: video note. Tap Approve or Reject before the report goes out.");
        Assert.Equal("Rejected: ST-001 - Alice Karimova is not marked.", toTeacher.Text);
        Assert.Empty(teacher.CurrentMessage(stack.TeacherBot, review.MessageId)!.Buttons);
        Assert.Equal("Your teacher did not accept your check-in for Python. Speak to your teacher if this is a mistake.", toStudent);
        Assert.NotNull(receipt);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var mark = await db.Marks.SingleAsync(m => m.StudentId == "ST-001", Ct);
        Assert.Equal((MarkStatus.Refused, true), (mark.Status, mark.Reviewed));
        Assert.Equal(["review-requested", "review-rejected"], await db.AuditLog.Where(a => a.StudentId == "ST-001").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Null((await db.Reviews.SingleAsync(Ct)).Image);
        Assert.Empty(await db.Outbox.ToListAsync(Ct));
    }

    [Fact]
    public async Task ImpreciseLocation_MatchGoesToTheTeacher_WhoApproves_AndTheLmsAndReportHaveIt()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 40,
            photos: new Dictionary<string, string> { ["ST-002"] = TestFaces.Person02 });
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var student = stack.Emulator.CreateUser("Bobur");
        Assert.StartsWith("Welcome ", await SendIdAndCodeAsync(stack, student, "ST-002", otp), StringComparison.Ordinal);

        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 120, livePeriod: 900);
        var imprecise = await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        var ask = await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        var (pending, _) = await SendVideoNoteWithReceiptAsync(stack, student, EndToEndClips.BoburLive(stack.FaceEngine));
        var review = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);
        await teacher.PressButtonAsync(stack.TeacherBot, review, "Approve");
        var toTeacher = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var (toStudent, receipt) = ReceiptLine.Split((await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!);
        var submission = await stack.Lms.NextSubmissionAsync(VerificationWait, Ct);
        var (report, csv) = await TeacherOverLmsTests.ReportAsync(stack, teacher);

        Assert.Equal("Your location is imprecise (120 m), so your teacher will review this check-in.", imprecise.Text);
        Assert.StartsWith("You are in the class area. Now record a video note", ask.Text, StringComparison.Ordinal);
        Assert.Equal(ReviewPending, pending);
        AssertReviewCard(review, "Review: ST-002 - Bobur Aliyev, Python\nWhy: the face matched but the location was imprecise (120 m accuracy)\nSimilarity: ",
            "Location: 11 m from you, accuracy 120 m\nLeft: ID photo, right: video note. Tap Approve or Reject before the report goes out.");
        Assert.Equal("Approved: ST-002 - Bobur Aliyev is marked present.", toTeacher.Text);
        Assert.Equal("Your teacher approved your check-in: present in Python.", toStudent);
        Assert.NotNull(receipt);
        Assert.Equal(("POST", 1), (submission.Method, submission.Students["ST-002"]));
        Assert.EndsWith("Present: 1 of 3, absent: 2\n\nPresent:\nST-002 - Bobur Aliyev (approved in review)\n\nAbsent:\nST-001 - Alice Karimova\nST-003 - Dilnoza Rashidova",
            report, StringComparison.Ordinal);
        Assert.StartsWith("ST-002,Bobur Aliyev,B-101,present (reviewed),", Encoding.UTF8.GetString(csv.Bytes).Split('\n')[2], StringComparison.Ordinal);
    }

    /// <summary>The review message: a side-by-side JPEG (two 320 px tiles with a caption strip), the caption, and both buttons.</summary>
    private static void AssertReviewCard(BotMessage review, string captionStart, string captionEnd)
    {
        Assert.StartsWith(captionStart, review.Text, StringComparison.Ordinal);
        Assert.EndsWith(captionEnd, review.Text, StringComparison.Ordinal);
        var similarity = review.Text!.Split('\n')[2]["Similarity: ".Length..];
        Assert.InRange(double.Parse(similarity, CultureInfo.InvariantCulture), 0, 100);
        Assert.Equal(["Approve", "Reject"], review.Buttons.Select(b => b.Text));
        using var picture = Cv2.ImDecode(review.File!.Bytes, ImreadModes.Color);
        Assert.Equal((640, 356), (picture.Cols, picture.Rows));
    }
}
