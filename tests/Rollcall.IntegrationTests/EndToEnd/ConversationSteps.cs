using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>The common stretches of the teacher's and the student's conversations, with the exact texts on the way.</summary>
public static partial class ConversationSteps
{
    public const string AskContact = "Please tap \"Share contact\" below so I can check that you are a registered teacher.";
    public const string AskPassword = "Now send your LMS password. I delete the message as soon as I have read it.";
    public const string ChooseBatches = "Select the batches for this session, then tap Done.";
    public const string Processing = "Processing your video note… I will answer in a moment.";

    /// <summary>Waits long enough for a real face check on a small shared machine.</summary>
    public static readonly TimeSpan VerificationWait = TimeSpan.FromSeconds(90);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>/start, the own contact, email and password; returns the batch keyboard message.</summary>
    public static async Task<BotMessage> SignInAsync(LmsClassStack stack, EmulatedUser teacher)
    {
        var bot = stack.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        Assert.Equal(AskContact, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        Assert.Equal($"Hello {LmsClassStack.TeacherName}. Send your LMS email or username.", (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        Assert.Equal(AskPassword, (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        var password = await teacher.SendTextAsync(bot, LmsClassStack.Password);
        Assert.Equal(password.MessageId, await teacher.NextDeletionAsync(bot, cancellationToken: Ct));
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        Assert.Equal(ChooseBatches, batches.Text);
        return batches;
    }

    /// <summary>From the batch keyboard: ticks the batches, Done, the subject, the location; returns the "Session open" text.</summary>
    public static async Task<string> ChooseAndOpenAsync(LmsClassStack stack, EmulatedUser teacher, BotMessage batches, IReadOnlyList<string> chosen, string subject)
    {
        var bot = stack.TeacherBot;
        foreach (var batch in chosen)
        {
            await teacher.PressButtonAsync(bot, batches, batch);
            await teacher.NextEditAsync(bot, cancellationToken: Ct);
        }

        await teacher.PressButtonAsync(bot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, subjects, subject);
        Assert.True((await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Button("Send location").RequestLocation);
        await teacher.SendLocationAsync(bot, LmsClassStack.Latitude, LmsClassStack.Longitude, horizontalAccuracy: 10);
        return (await teacher.NextMessageAsync(bot, cancellationToken: Ct)).Text!;
    }

    /// <summary>Signs in and opens a session; returns the class code.</summary>
    public static async Task<string> OpenSessionAsync(LmsClassStack stack, EmulatedUser teacher, IReadOnlyList<string> chosen, string subject)
    {
        var opened = await ChooseAndOpenAsync(stack, teacher, await SignInAsync(stack, teacher), chosen, subject);
        var code = CodeLine().Match(opened);
        Assert.True(code.Success, opened);
        return code.Groups[1].Value;
    }

    /// <summary>/start, ID and code; returns the bot's answer to the code.</summary>
    public static async Task<string> SendIdAndCodeAsync(LmsClassStack stack, EmulatedUser student, string studentId, string otp)
    {
        var bot = stack.StudentBot;
        await student.SendCommandAsync(bot, "/start");
        Assert.Equal("Send your student ID.", (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await student.SendTextAsync(bot, studentId);
        Assert.Equal("Send the 6-digit class code your teacher gave you.", (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text);
        await student.SendTextAsync(bot, otp);
        return (await student.NextMessageAsync(bot, cancellationToken: Ct)).Text!;
    }

    /// <summary>ID, code and a live location 11 m from the teacher: the student is asked for the video note.</summary>
    public static async Task UpToVideoNoteAsync(LmsClassStack stack, EmulatedUser student, string studentId, string otp)
    {
        Assert.StartsWith("Welcome ", await SendIdAndCodeAsync(stack, student, studentId, otp), StringComparison.Ordinal);
        await student.SendLocationAsync(stack.StudentBot, LmsClassStack.Latitude + 0.0001, LmsClassStack.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        Assert.StartsWith("You are in the class area. Now record a video note", (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    /// <summary>Sends a video note; checks the immediate "processing" answer and returns the verdict without its receipt line.</summary>
    public static async Task<string> SendVideoNoteAsync(LmsClassStack stack, EmulatedUser student, byte[] clip) =>
        (await SendVideoNoteWithReceiptAsync(stack, student, clip)).Body;

    /// <summary>As <see cref="SendVideoNoteAsync"/>, with the receipt code that ends every verdict.</summary>
    public static async Task<(string Body, string Receipt)> SendVideoNoteWithReceiptAsync(LmsClassStack stack, EmulatedUser student, byte[] clip)
    {
        await student.SendVideoNoteAsync(stack.StudentBot, clip, duration: 2);
        Assert.Equal(Processing, (await student.NextMessageAsync(stack.StudentBot, cancellationToken: Ct)).Text);
        var (body, receipt) = ReceiptLine.Split((await student.NextMessageAsync(stack.StudentBot, VerificationWait, Ct)).Text!);
        Assert.NotNull(receipt);
        return (body, receipt);
    }

    public static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    [GeneratedRegex(@"Code: (\d{6})")]
    private static partial Regex CodeLine();
}
