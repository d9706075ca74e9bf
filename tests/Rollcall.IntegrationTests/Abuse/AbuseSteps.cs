using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>
/// What an abuse case must leave as it was: marks and attempts, verification jobs, outbox rows, sessions, bindings, OTP
/// failures, and the chat's conversation state (without its last-touched time).
/// </summary>
internal sealed record StoredState(int Marks, int AttemptsUsed, int Jobs, int Outbox, int Sessions, int Bindings, int OtpFailures, string Conversation);

/// <summary>The stretches of both conversations that the abuse cases start from, on <see cref="BotsHost"/> (CS-A: S-1 Asha, S-2 Ben; CS-B: S-3 Chen).</summary>
internal static class AbuseSteps
{
    public const string AskStudentId = "Send your student ID.";
    public const string AskOtp = "Send the 6-digit class code your teacher gave you.";
    public const string BadStudentId = "A student ID has only letters, digits, - and _ (at most 50). Send your student ID again.";
    public const string BadOtp = "The class code is 6 digits. Send it again.";
    public const string NotLive = "Please share a live location, not a pin: tap the paperclip, Location, \"Share my live location\".";
    public const string PleaseVideoNote = "Please record a video note (the round video), not a photo, video or file.";
    public const string StudentNotUnderstood = "I did not understand that. To mark attendance: /start, send your student ID, the 6-digit class code, your live location, then a video note (the round video) of your face. /help lists my commands.";
    public const string TeacherNotUnderstood = "I did not understand that. To open an attendance session: /start, share your contact, sign in to the LMS, pick batches and a subject, then send your location. I reply with a 6-digit code for your students. /help lists my commands.";
    public const string AskContact = "Please tap \"Share contact\" below so I can check that you are a registered teacher.";
    public const string AskUsername = "Hello Dr Rao. Send your LMS email or username.";
    public const string AskPassword = "Now send your LMS password. I delete the message as soon as I have read it.";
    public const string WrongCredentials = "The LMS refused that email or password. Send your LMS email or username again.";
    public const string UseTheButtons = "Please use the buttons above, or /cancel to stop.";
    public const string AskTeacherLocation = "Tap \"Send location\" below: your position becomes the centre of the class area.";
    public const string ButtonExpired = "This button has expired. Send /start to begin again.";
    public const string LocationForwarded = "A forwarded location is not accepted. Please send your own current location.";

    /// <summary>The teacher's point in <see cref="BotsOverHttpTests.OpenSessionAsync"/>; a student 11 m north is inside.</summary>
    public const double InsideLatitude = 12.97170;
    public const double Longitude = 77.59460;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> ReplyAsync(this EmulatedUser user, EmulatedBot bot) =>
        (await user.NextMessageAsync(bot, cancellationToken: Ct)).Text!;

    /// <summary>/start and the ID: the student is asked for the code.</summary>
    public static async Task AtCodeAsync(BotsHost bots, EmulatedUser student, string studentId)
    {
        await student.SendCommandAsync(bots.StudentBot, "/start");
        Assert.Equal(AskStudentId, await student.ReplyAsync(bots.StudentBot));
        await student.SendTextAsync(bots.StudentBot, studentId);
        Assert.Equal(AskOtp, await student.ReplyAsync(bots.StudentBot));
    }

    /// <summary>/start, ID and the right code: the student is asked for the live location.</summary>
    public static async Task AtLocationAsync(BotsHost bots, EmulatedUser student, string studentId, string otp)
    {
        await AtCodeAsync(bots, student, studentId);
        await student.SendTextAsync(bots.StudentBot, otp);
        Assert.StartsWith("Welcome ", await student.ReplyAsync(bots.StudentBot), StringComparison.Ordinal);
    }

    /// <summary>A full check-in that the scripted face check passes: the ID is then bound to <paramref name="student"/>'s account.</summary>
    public static async Task CheckInAsync(BotsHost bots, EmulatedUser student, string studentId, string otp)
    {
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, studentId, otp);
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, (byte)studentId.Length]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(await student.ReplyAsync(bots.StudentBot)).Body);
    }

    /// <summary>/start, the own contact and the LMS sign-in: returns the batch keyboard.</summary>
    public static async Task<BotMessage> TeacherAtBatchesAsync(BotsHost bots, EmulatedUser teacher)
    {
        var bot = bots.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        Assert.Equal(AskContact, await teacher.ReplyAsync(bot));
        await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
        Assert.Equal(AskUsername, await teacher.ReplyAsync(bot));
        await teacher.SendTextAsync(bot, BotsHost.Username);
        Assert.Equal(AskPassword, await teacher.ReplyAsync(bot));
        await teacher.SendTextAsync(bot, BotsHost.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        Assert.Equal("Select the batches for this session, then tap Done.", batches.Text);
        return batches;
    }

    /// <summary>Marks, jobs, outbox, sessions, bindings and OTP failures in the database, and <paramref name="user"/>'s state with <paramref name="bot"/>.</summary>
    public static async Task<StoredState> SnapshotAsync(BotsHost bots, EmulatedUser user, string bot = "Student")
    {
        await using var db = bots.Database.CreateContext();
        var state = await db.Conversations.AsNoTracking().Where(c => c.Bot == bot && c.ChatId == user.Id).Select(c => c.State).SingleOrDefaultAsync(Ct);
        return new StoredState(
            await db.Marks.CountAsync(Ct),
            await db.Marks.SumAsync(m => m.AttemptsUsed, Ct),
            await db.VerificationJobs.CountAsync(Ct),
            await db.Outbox.CountAsync(Ct),
            await db.Sessions.CountAsync(Ct),
            await db.StudentBindings.CountAsync(Ct),
            await db.OtpLocks.SumAsync(l => l.Failures, Ct),
            WithoutTouchedAt(state));
    }

    /// <summary>Sends something, expects <paramref name="reply"/>, and checks that nothing stored moved.</summary>
    public static async Task StaysAsync(BotsHost bots, EmulatedUser user, Func<EmulatedUser, Task<UserMessage>> send, string reply, string botName = "Student")
    {
        var bot = botName == "Student" ? bots.StudentBot : bots.TeacherBot;
        var before = await SnapshotAsync(bots, user, botName);
        await send(user);
        Assert.Equal(reply, await user.ReplyAsync(bot));
        Assert.Equal(before, await SnapshotAsync(bots, user, botName));
    }

    /// <summary>Waits a second for a message in <paramref name="chatId"/> that must not come.</summary>
    public static Task NoMessageInChatAsync(BotsHost bots, EmulatedBot bot, long chatId) =>
        Assert.ThrowsAsync<TimeoutException>(() => bots.Emulator.NextMessageInChatAsync(bot, chatId, TimeSpan.FromSeconds(1), Ct));

    private static string WithoutTouchedAt(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return "";
        }

        var json = JsonNode.Parse(state)!.AsObject();
        json.Remove("touchedAt");
        return json.ToJsonString();
    }
}
