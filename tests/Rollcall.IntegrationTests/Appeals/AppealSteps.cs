using Rollcall.Faces;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Appeals;

/// <summary>A student refused by the face check (no retries), holding the refusal's receipt code, and /appeal over HTTP.</summary>
internal static class AppealSteps
{
    /// <summary>Settings with one attempt, so a mismatch refuses the student.</summary>
    public static Dictionary<string, string?> OneAttempt(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["FACE_VERIFICATION_MAX_RETRIES"] = "0" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The student checks in with a face of similarity 40 and is refused: the refusal's receipt code (the teacher's notice is read).</summary>
    public static async Task<string> RefusedAsync(BotsHost bots, EmulatedUser teacher, EmulatedUser student, string studentId, string code)
    {
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, studentId, code);
        bots.Faces.Next = new FaceCheck.Mismatch(40, 0.9, 12, 70);
        await student.SendVideoNoteAsync(bots.StudentBot, [5, 5]);
        await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var refused = (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        return ReceiptLine.Split(refused).Code ?? throw new InvalidOperationException("The refusal carries no receipt: " + refused);
    }

    /// <summary>/appeal with <paramref name="argument"/>: the student bot's answer.</summary>
    public static async Task<string> AppealAsync(BotsHost bots, EmulatedUser student, string argument)
    {
        await student.SendCommandAsync(bots.StudentBot, ("/appeal " + argument).TrimEnd());
        return (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;
    }
}
