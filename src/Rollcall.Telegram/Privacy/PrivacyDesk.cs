using System.Globalization;
using Rollcall.Enrolment;
using Rollcall.Sessions;
using Rollcall.Storage.Enrolment;
using Rollcall.Storage.Privacy;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Privacy;

/// <summary>/mydata and /forget (confirmed with a button): a student sees and removes what Rollcall keeps about them.</summary>
public sealed class PrivacyDesk(StudentDataStore data, LocalClock clock)
{
    public const string Prefix = "fg:";
    private const string Yes = "fg:yes";
    private const int MarksShown = 10;

    public async Task<IReadOnlyList<Reply>> MyDataAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var kept = await data.DescribeAsync(inbound.UserId, cancellationToken);
        var none = new TextRef(TextKey.MyDataNone);
        object bindings = kept.Bindings.Count == 0
            ? none
            : string.Join(", ", kept.Bindings.Select(b => $"{b.StudentId} (since {clock.DateOf(b.BoundAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"));
        object marks = kept.Marks.Count == 0
            ? none
            : kept.Marks.Count + "\n" + string.Join('\n', kept.Marks.Take(MarksShown).Select(m =>
                $"- {m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {m.Subject} ({m.StudentId}): {MarkWords.Standing(m.Status, m.Reviewed, m.SetByTeacher)}"));
        var faces = new TextRef(TextKey.MyDataFaces, kept.CachedEmbeddings.Count == 0 ? BotTexts.Format(TextKey.MyDataNone) : string.Join(", ", kept.CachedEmbeddings),
            kept.VideoNoteEmbeddings, Enrolments(kept.Enrolments));
        return [Reply.Text(TextKey.MyData, bindings, marks, faces, kept.ReviewPictures)];
    }

    public async Task<IReadOnlyList<Reply>> ForgetAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var kept = await data.DescribeAsync(inbound.UserId, cancellationToken);
        if (!kept.HasRemovable)
        {
            return [Reply.Text(TextKey.ForgetNothing)];
        }

        object ids = kept.Bindings.Count == 0 ? new TextRef(TextKey.MyDataNone) : string.Join(", ", kept.Bindings.Select(b => b.StudentId));
        var buttons = new Keyboard.Inline(
        [
            new InlineButton(BotTexts.Format(TextKey.ForgetYesButton), Yes),
            new InlineButton(BotTexts.Format(TextKey.ForgetNoButton), "fg:no"),
        ]);
        return [Reply.Text(buttons, TextKey.ForgetConfirm, ids)];
    }

    /// <summary>The confirmation tap: it only ever touches the tapping account's own data, whatever the button's origin.</summary>
    public async Task<IReadOnlyList<Reply>> ConfirmAsync(Inbound inbound, BotInput.Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<Reply> replies = [new Reply.AnswerCallback(callback.CallbackId), new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([]))];
        if (callback.Data != Yes)
        {
            return [.. replies, Reply.Text(TextKey.ForgetKept)];
        }

        var removed = await data.ForgetAsync(inbound.UserId, now, cancellationToken);
        object enrolments = removed switch
        {
            { PhotosRemoved: > 0 } => new TextRef(TextKey.ForgetDonePhoto),
            { Enrolments: > 0 } => new TextRef(TextKey.ForgetDoneRequest),
            _ => "",
        };
        replies.Add(Reply.Text(TextKey.ForgetDone, removed.Bindings, removed.CachedEmbeddings, removed.VideoNoteEmbeddings, removed.ReviewPictures, enrolments));
        return removed.Held.Count == 0 ? replies : [.. replies, Reply.Text(TextKey.ForgetBindingHeld, string.Join(", ", removed.Held))];
    }

    // Self-enrolments holding the account's face: "; ID photo made from your own video note: S-1 (enrolled)".
    private static object Enrolments(IReadOnlyList<KeptEnrolment> kept) => kept.Count == 0
        ? ""
        : new TextRef(TextKey.MyDataEnrolments, string.Join(", ", kept.Select(e => BotTexts.Format(
            e.State == EnrolmentState.Enrolled ? TextKey.MyDataEnrolled : TextKey.MyDataEnrolmentWaiting, e.StudentId))));
}
