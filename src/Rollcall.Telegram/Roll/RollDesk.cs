using Rollcall.Otp;
using Rollcall.Sessions;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Roll;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Reports;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// The teacher's taps on the session message, the roll and the notices, in any conversation state: pages, statuses,
/// fresh attempts, unbinding, +2 min, close now, the report on demand. A change to a mark reaches the student with a receipt.
/// </summary>
public sealed partial class RollDesk(
    RollStore roll,
    TeacherMarks marks,
    ReportStore reports,
    SessionMessages sessions,
    OtpIssuer otps,
    LocalClock clock)
{
    /// <summary>What +2 min adds.</summary>
    public static readonly TimeSpan Extension = TimeSpan.FromMinutes(2);

    public async Task<RollTurn> TapAsync(Inbound inbound, BotInput.Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chat = inbound.ChatId;
        if (RollButtons.Parse(callback.Data) is not { } tap)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        switch (tap.Action)
        {
            case 'o':
            case 'r':
                return await PageAsync(callback, tap, chat, asNew: tap.Action == 'o', cancellationToken);
            case 'i':
                return await StudentAsync(callback, tap, chat, cancellationToken);
            case 't':
            case 'k':
                return await SetAsync(callback, tap, chat, now, cancellationToken);
            case 'z':
                return await ResetAsync(callback, tap, chat, now, cancellationToken);
            case 'u':
                return await UnbindAsync(callback, tap, chat, now, cancellationToken);
            case 'x':
                return Window(callback, await roll.ExtendAsync(tap.SessionId, chat, Extension, otps.Next, now, cancellationToken), TextKey.Extended);
            case 'c':
                return Window(callback, await roll.CloseAsync(tap.SessionId, chat, now, cancellationToken), TextKey.ClosedNow);
            case 'p':
                return await ReportAsync(callback, tap.SessionId, chat, cancellationToken);
            case 's':
                return await ShowAsync(callback, tap.SessionId, chat, now, cancellationToken);
            default:
                return Say(callback, TextKey.RollNotFound);
        }
    }

    /// <summary>The report of a session of this chat, on demand, in as many parts as it needs; null when it is not this chat's.</summary>
    public async Task<IReadOnlyList<Reply>?> ReportRepliesAsync(Guid sessionId, long chat, CancellationToken cancellationToken) =>
        await roll.CardAsync(sessionId, chat, cancellationToken) is null
            ? null
            : ReportFormatter.Replies(await reports.LoadAsync(sessionId, cancellationToken), clock);

    private async Task<RollTurn> PageAsync(BotInput.Callback callback, RollTap tap, long chat, bool asNew, CancellationToken cancellationToken)
    {
        if (await roll.PageAsync(tap.SessionId, chat, tap.Page, cancellationToken) is not { } page)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        var (text, keyboard) = RollView.Page(page, clock);
        Reply shown = asNew ? new Reply.Message(text, keyboard) : new Reply.EditText(callback.MessageId, text, keyboard);
        return new RollTurn([new Reply.AnswerCallback(callback.CallbackId), shown]);
    }

    private async Task<RollTurn> StudentAsync(BotInput.Callback callback, RollTap tap, long chat, CancellationToken cancellationToken)
    {
        if (await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) is not { } row)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        var (text, keyboard) = RollView.Student(tap.SessionId, row, tap.Page, clock);
        return new RollTurn([new Reply.AnswerCallback(callback.CallbackId), new Reply.EditText(callback.MessageId, text, keyboard)]);
    }

    private async Task<RollTurn> ReportAsync(BotInput.Callback callback, Guid sessionId, long chat, CancellationToken cancellationToken) =>
        await ReportRepliesAsync(sessionId, chat, cancellationToken) is { } report
            ? new RollTurn([new Reply.AnswerCallback(callback.CallbackId), .. report])
            : Say(callback, TextKey.RollNotFound);

    private async Task<RollTurn> ShowAsync(BotInput.Callback callback, Guid sessionId, long chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await roll.CardAsync(sessionId, chat, cancellationToken) is not { } card)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        var (message, afterSent) = await sessions.ShowAsync(card, now, cancellationToken);
        return new RollTurn([new Reply.AnswerCallback(callback.CallbackId), message]) { AfterSent = afterSent };
    }

    private RollTurn Window(BotInput.Callback callback, SessionChange change, TextKey done) => change switch
    {
        SessionChange.Done => new RollTurn([new Reply.AnswerCallback(callback.CallbackId, new TextRef(done))]),
        SessionChange.Reported => Say(callback, TextKey.AlreadyReported),
        _ => Say(callback, TextKey.RollNotFound),
    };

    private static RollTurn Say(BotInput.Callback callback, TextKey key) =>
        new([new Reply.AnswerCallback(callback.CallbackId, new TextRef(key)), Reply.Text(key)]);

    /// <summary>The student's message about a teacher's change, with its receipt, when there is a student to tell.</summary>
    private static IReadOnlyList<Notice> Tell(long? chat, Reply.Message message, string receipt) =>
        chat is { } studentChat ? [new Notice(BotRole.Student, studentChat, VerificationMessages.WithReceipt(message, receipt))] : [];
}

/// <summary>What a tap on the roll does: replies, messages to students, and work after the replies are sent.</summary>
public sealed record RollTurn(IReadOnlyList<Reply> Replies)
{
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    public Func<IReadOnlyList<Sent>, CancellationToken, Task>? AfterSent { get; init; }
}
