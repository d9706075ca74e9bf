using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.Enrolment;

/// <summary>The student's side of /enrol with the exact texts on the way, for any host's student bot.</summary>
internal static class EnrolmentSteps
{
    public const string AskId = "Send your student ID: I will register your face as its ID photo.";
    public const string Processing = "Processing your video note… I will answer in a moment.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>/enrol and the ID; returns the bot's answer to the ID.</summary>
    public static async Task<string> AskAsync(EmulatedUser student, EmulatedBot bot, string studentId)
    {
        await student.SendCommandAsync(bot, "/enrol");
        Assert.Equal(AskId, (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await student.SendTextAsync(bot, studentId);
        return (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text!;
    }

    /// <summary>/enrol, the ID and the note: checks the invitation and "processing", and returns the verdict the student gets.</summary>
    public static async Task<string> EnrolAsync(EmulatedUser student, EmulatedBot bot, string studentId, byte[] note, string invitation, TimeSpan wait)
    {
        Assert.Equal(invitation, await AskAsync(student, bot, studentId));
        await student.SendVideoNoteAsync(bot, note, duration: 2);
        Assert.Equal(Processing, (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        return (await student.NextMessageAsync(bot, wait, Ct)).Text!;
    }

    /// <summary>The invitation to record the note for a student on a roster.</summary>
    public static string Invitation(string name, string batch, string approver = "Your teacher") =>
        $"Hello {name} ({batch}). Record a video note of your face, alone and in good light: tap the microphone button to switch to the camera, then hold it. {approver} approves it as your ID photo.";

    public static string Waiting(string studentId) =>
        $"Your video note is waiting for approval as the ID photo of {studentId}. I will message you when it is decided.";

    public static string Enrolled(string studentId) => $"Your face is now the ID photo of {studentId}. Send /start to mark your attendance.";
}
