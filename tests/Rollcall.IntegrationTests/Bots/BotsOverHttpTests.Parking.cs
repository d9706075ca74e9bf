using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>A note the engine fails on every time is parked (issue 13, audit M4): told once, no attempt, the teacher decides.</summary>
public sealed partial class BotsOverHttpTests
{
    [Fact]
    public async Task NoteTheEngineFailsOnEveryTime_IsParked_TheStudentToldOnce_AndTheTeacherDecides()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["VERIFY_MAX_TRIES"] = "1" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var student = bots.Emulator.CreateUser("Ben");
        var otp = await OpenSessionAsync(bots, teacher);
        await CheckInUpToVideoNoteAsync(bots, student, "S-2", otp);
        bots.Faces.Poison = new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, "the decoder died on this note");

        await student.SendVideoNoteAsync(bots.StudentBot, [6, 6]);
        await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);

        // The first try fails and the job waits 30 s; the second claim is past VERIFY_MAX_TRIES, so it is parked unrun.
        var parked = await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(75), Ct);
        var review = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(10), Ct);
        Assert.StartsWith("We could not check your video note: the fault is ours, and no attempt was used.", parked.Text, StringComparison.Ordinal);
        Assert.Contains("Why: our face check failed on this note (tries: 1;", review.Text, StringComparison.Ordinal);
        Assert.Single(bots.Faces.Seen);
        await using (var db = bots.Database.CreateContext())
        {
            var mark = await db.Marks.AsNoTracking().SingleAsync(m => m.StudentId == "S-2", Ct);
            Assert.Equal((MarkStatus.InReview, 0), (mark.Status, mark.AttemptsUsed));
            var job = await db.VerificationJobs.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(("Unchecked", 2, 2), (job.Outcome, job.Claims, job.Tries));
        }

        await teacher.PressButtonAsync(bots.TeacherBot, review, "Approve");
        var decided = await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(20), Ct);
        Assert.Contains("approved", decided.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(bots.Faces.Seen);
    }
}
