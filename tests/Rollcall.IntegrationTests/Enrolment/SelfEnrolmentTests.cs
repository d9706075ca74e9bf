using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using Rollcall.Enrolment;
using Rollcall.IntegrationTests.EndToEnd;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;
using static Rollcall.IntegrationTests.Enrolment.EnrolmentSteps;

namespace Rollcall.IntegrationTests.Enrolment;

/// <summary>
/// Self-enrolment on the real host and face engine with real clips, over HTTP: a student without an ID photo enrols from a
/// video note, the teacher approves the frame, the next check-in passes; a face that is another ID's, and a note that
/// cannot give a photo (no face, two faces, a still photo held up), are refused with their reason.
/// </summary>
public sealed class SelfEnrolmentTests(FacesFixture faces)
{
    private static readonly Dictionary<string, string?> SelfEnrolment = new() { ["ENROLMENT"] = "self" };

    [Fact]
    public async Task StudentWithoutAPhoto_Enrols_TheTeacherApproves_AndTheNextCheckInPasses()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, settings: SelfEnrolment);
        var teacher = stack.Emulator.CreateUser("Karimov");
        var otp = await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        var noPhoto = await SendVideoNoteAsync(stack, alice, EndToEndClips.NoFace());

        var waiting = await EnrolAsync(alice, stack.StudentBot, "ST-001", EndToEndClips.AliceLive(stack.FaceEngine), Invitation("Alice Karimova", "B-101"), VerificationWait);
        // The check-in without a photo told the teacher first (no dead ends), with a Mark present button; then the card.
        var notice = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);
        Assert.Equal(["Mark present"], notice.Buttons.Select(b => b.Text));
        var card = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);
        await teacher.PressButtonAsync(stack.TeacherBot, card, "Approve");
        var approved = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);
        var enrolled = await alice.NextMessageAsync(stack.StudentBot, cancellationToken: Ct);
        await UpToVideoNoteAsync(stack, alice, "ST-001", otp);
        var checkIn = await SendVideoNoteAsync(stack, alice, EndToEndClips.AliceAgain(stack.FaceEngine));
        var submission = await stack.Lms.NextSubmissionAsync(VerificationWait, Ct);

        Assert.Equal("You have no ID photo yet, so no attempt was used. Send /enrol to register your face: your teacher approves it.", noPhoto);
        Assert.Equal(Waiting("ST-001"), waiting);
        Assert.Equal("Registration: ST-001 - Alice Karimova, B-101\nThis face was sent from the student bot as the ID photo of ST-001. "
            + "Approve only if it is Alice Karimova: every check-in of ST-001 is compared with it.", card.Text);
        using (var frame = Cv2.ImDecode(card.File!.Bytes, ImreadModes.Color))
        {
            Assert.Equal((384, 384), (frame.Cols, frame.Rows));
        }

        Assert.Equal("Approved: this is the ID photo of ST-001 - Alice Karimova now.", approved.Text);
        Assert.Equal(Enrolled("ST-001"), enrolled.Text);
        Assert.Equal("Attendance marked: present in Python.", checkIn);
        Assert.Equal(1, submission.Students["ST-001"]);
        var photo = await stack.Host.App.Services.GetRequiredService<IPhotoStore>().FindAsync("ST-001", Ct);
        Assert.Equal(card.File.Bytes, photo!.Bytes);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        Assert.Equal(alice.Id, (await db.StudentBindings.SingleAsync(b => b.StudentId == "ST-001", Ct)).TelegramUserId);
        Assert.Equal(["not-checked", "enrolment-requested", "enrolment-approved", "present"],
            await db.AuditLog.Where(a => a.StudentId == "ST-001").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task SecondIdWithTheFaceOfAnEnrolledStudent_IsRefused_AndTheTeacherSeesBothFaces()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, settings: SelfEnrolment,
            photos: new Dictionary<string, string> { ["ST-001"] = TestFaces.Person01 });
        var teacher = stack.Emulator.CreateUser("Karimov");
        await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var alice = stack.Emulator.CreateUser("Alice");

        var refused = await EnrolAsync(alice, stack.StudentBot, "ST-002", EndToEndClips.AliceLive(stack.FaceEngine), Invitation("Bobur Aliyev", "B-101"), VerificationWait);
        var warning = await teacher.NextMessageAsync(stack.TeacherBot, VerificationWait, Ct);

        Assert.Equal("This face already belongs to another student ID, so it can't be the ID photo of ST-002. Your teacher has been told.", refused);
        Assert.StartsWith("Warning: a registration for ST-002 - Bobur Aliyev was refused. The face in its video note is that of ST-001 (similarity ", warning.Text, StringComparison.Ordinal);
        Assert.EndsWith("): one person may be registering two IDs. Left: the ID photo of ST-001, right: the video note.", warning.Text, StringComparison.Ordinal);
        Assert.Empty(warning.Buttons);
        using (var picture = Cv2.ImDecode(warning.File!.Bytes, ImreadModes.Color))
        {
            Assert.Equal((640, 356), (picture.Cols, picture.Rows));
        }

        Assert.Null(await stack.Host.App.Services.GetRequiredService<IPhotoStore>().FindAsync("ST-002", Ct));
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var request = await db.EnrolmentRequests.SingleAsync(Ct);
        Assert.Equal((EnrolmentState.Refused, null, null), (request.State, request.OpenSlot, request.Photo));
        Assert.StartsWith("face of ST-001, similarity ", request.Outcome, StringComparison.Ordinal);
        Assert.Equal("enrolment-face-of-another", (await db.AuditLog.SingleAsync(a => a.StudentId == "ST-002", Ct)).Action);
        Assert.False(await db.StudentBindings.AnyAsync(Ct));
    }

    [Fact]
    public async Task NotesThatCannotGiveAnIdPhoto_AreRefusedWithTheirReason()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, settings: SelfEnrolment);
        var teacher = stack.Emulator.CreateUser("Karimov");
        await OpenSessionAsync(stack, teacher, ["B-101"], "Python");
        var dilnoza = stack.Emulator.CreateUser("Dilnoza");
        var invitation = Invitation("Dilnoza Rashidova", "B-101");

        var noFace = await EnrolAsync(dilnoza, stack.StudentBot, "ST-003", EndToEndClips.NoFace(), invitation, VerificationWait);
        var couple = await EnrolAsync(dilnoza, stack.StudentBot, "ST-003", EndToEndClips.Couple(), invitation, VerificationWait);
        var still = await EnrolAsync(dilnoza, stack.StudentBot, "ST-003", EndToEndClips.BoburStill(stack.FaceEngine), invitation, VerificationWait);

        Assert.Equal("This video note can't be your ID photo: no face was found. Face the camera in good light. Send /enrol to record a new one.", noFace);
        Assert.Equal("This video note can't be your ID photo: more than one face was in it. Record it alone. Send /enrol to record a new one.", couple);
        Assert.Equal("This video note can't be your ID photo: it did not look live (a photo or a screen?). Send /enrol to record a new one.", still);
        Assert.Null(await stack.Host.App.Services.GetRequiredService<IPhotoStore>().FindAsync("ST-003", Ct));
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        Assert.Equal(["NoFace", "SeveralFaces", "NotLive"], await db.EnrolmentRequests.OrderBy(e => e.CreatedAt).Select(e => e.Outcome).ToListAsync(Ct));
        Assert.All(await db.EnrolmentRequests.ToListAsync(Ct), e => Assert.Equal((EnrolmentState.Refused, null), (e.State, e.Photo)));
    }
}
