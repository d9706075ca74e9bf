using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>
/// Every way a check-in is refused, each with its exact message, on one shared host and session (B-101 and B-102, Python).
/// Tests that spend attempts use a student ID of their own.
/// </summary>
public sealed partial class StudentRefusalTests(FacesFixture faces, StudentRefusalTests.OpenClass openClass) : IClassFixture<StudentRefusalTests.OpenClass>
{
    private const string AttemptLeft = "1 attempt(s) left: record a new video note.";

    [Fact]
    public async Task WrongCode_IsNotFound_WithTheTriesLeft()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var wrong = ((int.Parse(otp, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

        var answer = await SendIdAndCodeAsync(stack, stack.Emulator.CreateUser("Alice"), "ST-001", wrong);

        Assert.Equal("Student ID ST-001 was not found in a session with this code, or the code has expired. Check the code and send it again (4 tries left), or /start to change your ID.", answer);
    }

    [Fact]
    public async Task UnknownStudentId_IsNotFoundInTheSession()
    {
        var (stack, otp) = await openClass.StartAsync(faces);

        var answer = await SendIdAndCodeAsync(stack, stack.Emulator.CreateUser("Nobody"), "ST-999", otp);

        Assert.Equal("Student ID ST-999 was not found in a session with this code, or the code has expired. Check the code and send it again (4 tries left), or /start to change your ID.", answer);
    }

    [Fact]
    public async Task StudentOutsideGeofence_IsToldTheDistance_AndMayShareAgain()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = openClass.Eldor;
        Assert.Equal("Welcome Eldor Usmonov, batch B-102. Share your live location: tap the paperclip, Location, \"Share my live location\".",
            await SendIdAndCodeAsync(stack, student, "ST-011", otp));

        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        var far = (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text!;
        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);

        var match = TooFar().Match(far);
        Assert.True(match.Success, far);
        Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 105, 116);
        Assert.StartsWith("You are in the class area.", (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticPin_IsRefused_ALiveLocationIsAsked()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = openClass.Eldor;
        await SendIdAndCodeAsync(stack, student, "ST-011", otp);

        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8);

        Assert.Equal("Please share a live location, not a pin: tap the paperclip, Location, \"Share my live location\".",
            (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task ForwardedVideoNote_IsRefused_WithoutAVerification()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = openClass.Eldor;
        await UpToVideoNoteAsync(stack, student, "ST-011", otp);

        await student.SendVideoNoteAsync(stack.StudentBot, EndToEndClips.AliceLive(stack.FaceEngine), duration: 2, forwarded: true);

        Assert.Equal("A forwarded video note is not accepted. Record a new one yourself.",
            (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task ClipWithoutAFace_SaysNoFace_AndUsesAnAttempt()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Feruza");
        await UpToVideoNoteAsync(stack, student, "ST-012", otp);

        Assert.Equal("No face was found in your video note. Face the camera in good light. " + AttemptLeft,
            await SendVideoNoteAsync(stack, student, EndToEndClips.NoFace()));
    }

    [Fact]
    public async Task ClipWithTwoFaces_SaysMoreThanOneFace()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Gulnora");
        await UpToVideoNoteAsync(stack, student, "ST-013", otp);

        Assert.Equal("More than one face was in your video note. Record it alone. " + AttemptLeft,
            await SendVideoNoteAsync(stack, student, EndToEndClips.Couple()));
    }

    [Fact]
    public async Task Impostor_IsRefusedTwice_ThenToldToContactTheTeacher()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Alice");
        var someoneElse = EndToEndClips.BoburLive(stack.FaceEngine);
        await UpToVideoNoteAsync(stack, student, "ST-001", otp);

        var first = await SendVideoNoteAsync(stack, student, someoneElse);
        var last = await SendVideoNoteAsync(stack, student, someoneElse);

        var firstMatch = Mismatch().Match(first);
        Assert.True(firstMatch.Success, first);
        Assert.Equal(AttemptLeft, firstMatch.Groups[2].Value);
        Assert.InRange(double.Parse(firstMatch.Groups[1].Value, CultureInfo.InvariantCulture), 0, 60);
        var lastMatch = Mismatch().Match(last);
        Assert.True(lastMatch.Success, last);
        Assert.Equal("No attempts left. Your teacher has been told and can mark you or give you another try.", lastMatch.Groups[2].Value);
    }

    [Fact]
    public async Task MissingIdPhoto_SaysSo_AndUsesNoAttempt()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Dilnoza");
        await UpToVideoNoteAsync(stack, student, "ST-003", otp);

        var answer = await SendVideoNoteAsync(stack, student, EndToEndClips.AliceLive(stack.FaceEngine));

        Assert.Equal("Your ID photo was not found, so no attempt was used. Your teacher has been told and can mark you present; the admin adds the photo.", answer);
        await using var db = stack.Host.App.Services.GetRequiredService<RollcallDatabase>().CreateContext();
        var mark = await db.Marks.SingleAsync(m => m.StudentId == "ST-003", Ct);
        Assert.Equal((MarkStatus.Pending, 0), (mark.Status, mark.AttemptsUsed));
    }

    [Fact]
    public async Task MissingIdPhoto_OnceEnrolled_TheNextVideoNoteIsChecked()
    {
        await using var stack = await LmsClassStack.StartAsync(faces);
        var otp = await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-101"], "Python");
        var student = stack.Emulator.CreateUser("Dilnoza");
        var live = EndToEndClips.AliceLive(stack.FaceEngine);
        await UpToVideoNoteAsync(stack, student, "ST-003", otp);

        var missing = await SendVideoNoteAsync(stack, student, live);
        await stack.Host.App.Services.GetRequiredService<IPhotoStore>()
            .SaveAsync("ST-003", await File.ReadAllBytesAsync(TestFaces.Person01, Ct), Ct);
        var enrolled = await SendVideoNoteAsync(stack, student, live);

        Assert.Equal("Your ID photo was not found, so no attempt was used. Your teacher has been told and can mark you present; the admin adds the photo.", missing);
        Assert.Equal("Attendance marked: present in Python.", enrolled);
    }

    [Fact]
    public async Task StillPhotoReplay_FailsLiveness()
    {
        var (stack, otp) = await openClass.StartAsync(faces);
        var student = stack.Emulator.CreateUser("Bobur");
        await UpToVideoNoteAsync(stack, student, "ST-002", otp);

        Assert.Equal("The video note did not look live (a photo or a screen?). " + AttemptLeft,
            await SendVideoNoteAsync(stack, student, EndToEndClips.BoburStill(stack.FaceEngine)));
    }

    [GeneratedRegex(@"^Too far \((\d+) m\)\. Limit: 50 m\. Move closer to the class and share your live location again\.$")]
    private static partial Regex TooFar();

    [GeneratedRegex(@"^Confidence (\d+\.\d) %, required 70\.0 %\. (.+)$")]
    private static partial Regex Mismatch();

    /// <summary>One host, LMS and open session for the class, started by the first test that needs it.</summary>
    public sealed class OpenClass : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private (LmsClassStack Stack, string Otp)? _open;

        /// <summary>The one account that checks in as ST-011: the first accepted code binds the ID to it.</summary>
        public EmulatedUser Eldor { get; private set; } = null!;

        public async Task<(LmsClassStack Stack, string Otp)> StartAsync(FacesFixture faces)
        {
            _ = faces.Engine;
            await _gate.WaitAsync(Ct);
            try
            {
                if (_open is null)
                {
                    var stack = await LmsClassStack.StartAsync(faces, otpSeconds: 3600, photos: new Dictionary<string, string>
                    {
                        ["ST-001"] = TestFaces.Person01,
                        ["ST-002"] = TestFaces.Person02,
                        ["ST-011"] = TestFaces.Person03,
                        ["ST-012"] = TestFaces.Person03,
                        ["ST-013"] = TestFaces.Person05Frontal,
                    });
                    _open = (stack, await OpenSessionAsync(stack, stack.Emulator.CreateUser("Karimov"), ["B-101", "B-102"], "Python"));
                    Eldor = stack.Emulator.CreateUser("Eldor");
                }

                return _open.Value;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_open is { } open)
            {
                await open.Stack.DisposeAsync();
            }

            _gate.Dispose();
        }
    }
}
