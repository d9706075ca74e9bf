using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rollcall.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Sends replies (data) through one bot. The state behind a reply is committed already, so a reply that meets a 429
/// or a 5xx is retried a few times (after retry_after, or with backoff) rather than lost; one that still fails is logged
/// and the rest still go out.
/// </summary>
/// <remarks>
/// A 429 holds back only its own chat (audit M1): Telegram documents retry_after as "the number of seconds left to wait
/// before the request can be repeated" (ResponseParameters), and its FAQ limits a bot to about one message per second in
/// one chat (short bursts pass) and about 30 per second over all chats, without saying which limit a 429 came from. So
/// every send to the chat that got it waits out its retry_after; other chats go on, and a 429 of the overall limit reaches
/// each chat that meets it, which then waits in turn.
/// </remarks>
public sealed class ReplySender(ITelegramBotClient bot, ILogger<ReplySender> logger, TimeProvider time)
{
    private const int MaxTries = 4;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Chats Telegram told to wait (429), until when.</summary>
    private readonly ConcurrentDictionary<long, DateTimeOffset> _backOff = new();

    /// <summary>The longest one reply can take: every try within the bot's call timeout, and the longest wait between tries.</summary>
    public static TimeSpan WorstCase(TimeSpan botCall) => (botCall * MaxTries) + (MaxWait * (MaxTries - 1));

    /// <summary>Sends each reply in order; false when any of them failed.</summary>
    public async Task<bool> SendAsync(long chatId, IEnumerable<Reply> replies, CancellationToken cancellationToken) =>
        (await SendAllAsync(chatId, replies, cancellationToken)).All(sent => sent.Delivery == Delivery.Sent);

    /// <summary>Sends each reply in order, saying for each what became of it and the id of the message it sent.</summary>
    public async Task<IReadOnlyList<Sent>> SendAllAsync(long chatId, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        List<Sent> sent = [];
        foreach (var reply in replies)
        {
            sent.Add(await SendTrackedAsync(chatId, reply, cancellationToken));
        }

        return sent;
    }

    /// <summary>Sends one reply, retrying what may pass later; says whether it went, was refused for good, or may go later.</summary>
    public async Task<Delivery> TrySendAsync(long chatId, Reply reply, CancellationToken cancellationToken) =>
        (await SendTrackedAsync(chatId, reply, cancellationToken)).Delivery;

    /// <summary>
    /// One try, no waiting: the reply relay retries a reply later itself, so a 429 or a 5xx holds back that chat only,
    /// not the relay's other chats.
    /// </summary>
    /// <returns>What became of it, and how long Telegram asked to wait (a 429's retry_after) when it said so.</returns>
    public async Task<(Delivery Delivery, TimeSpan? RetryAfter)> TrySendOnceAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await SendOneAsync(chatId, reply, cancellationToken);
            return (Delivery.Sent, null);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            UpdatesLog.ReplyFailed(logger, chatId, reply.GetType().Name, e);
            var asked = e is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return (RetryDelay(e, 1) is null ? Delivery.Refused : Delivery.Failed, asked);
        }
    }

    private async Task<Sent> SendTrackedAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitOutBackOffAsync(chatId, cancellationToken);
            try
            {
                return new Sent(reply, Delivery.Sent, await SendOneAsync(chatId, reply, cancellationToken));
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
            {
                var delay = RetryDelay(e, attempt);
                if (attempt < MaxTries && delay is not null)
                {
                    if (e is ApiRequestException { ErrorCode: 429 })
                    {
                        // The next try, and every other send to this chat meanwhile, waits in WaitOutBackOffAsync.
                        var until = time.GetUtcNow() + delay.Value;
                        _backOff.AddOrUpdate(chatId, until, (_, known) => known > until ? known : until);
                        continue;
                    }

                    await Task.Delay(delay.Value, time, cancellationToken);
                    continue;
                }

                UpdatesLog.ReplyFailed(logger, chatId, reply.GetType().Name, e);
                return new Sent(reply, delay is null ? Delivery.Refused : Delivery.Failed, null);
            }
        }
    }

    private async Task WaitOutBackOffAsync(long chatId, CancellationToken cancellationToken)
    {
        if (!_backOff.TryGetValue(chatId, out var until))
        {
            return;
        }

        var left = until - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, time, cancellationToken);
        }

        // Forget the back-off once over, unless a newer 429 moved it meanwhile.
        _backOff.TryRemove(new KeyValuePair<long, DateTimeOffset>(chatId, until));
    }

    /// <summary>How long to wait before trying again, or null when trying again cannot help (a 4xx such as a blocked bot).</summary>
    private static TimeSpan? RetryDelay(Exception error, int attempt) => error switch
    {
        ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds } => TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds)),
        ApiRequestException { ErrorCode: 429 } => TimeSpan.FromSeconds(1),
        ApiRequestException { ErrorCode: < 500 } => null,
        _ => TimeSpan.FromMilliseconds(500 * (1 << (attempt - 1))),
    };

    /// <summary>Sends one reply; the id of the message it sent, when it sent one.</summary>
    private async Task<int?> SendOneAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        switch (reply)
        {
            case Reply.Message message:
                return (await bot.SendMessage(chatId, BotTexts.Format(message.Content), replyMarkup: Markup(message.Keyboard), cancellationToken: cancellationToken)).Id;
            case Reply.Delete delete:
                await bot.DeleteMessage(chatId, delete.MessageId, cancellationToken);
                return null;
            case Reply.EditKeyboard edit:
                await bot.EditMessageReplyMarkup(chatId, edit.MessageId, Inline(edit.Keyboard), cancellationToken: cancellationToken);
                return null;
            case Reply.EditText edit:
                await bot.EditMessageText(chatId, edit.MessageId, BotTexts.Format(edit.Content), replyMarkup: InlineOrNone(edit.Keyboard), cancellationToken: cancellationToken);
                return null;
            case Reply.EditCaption edit:
                await bot.EditMessageCaption(chatId, edit.MessageId, BotTexts.Format(edit.Caption), replyMarkup: InlineOrNone(edit.Keyboard), cancellationToken: cancellationToken);
                return null;
            case Reply.EditPhoto edit:
                await using (var stream = new MemoryStream(edit.Content, writable: false))
                {
                    var media = new InputMediaPhoto(InputFile.FromStream(stream, edit.FileName)) { Caption = BotTexts.Format(edit.Caption) };
                    await bot.EditMessageMedia(chatId, edit.MessageId, media, InlineOrNone(edit.Keyboard), cancellationToken: cancellationToken);
                }

                return null;
            case Reply.AnswerCallback answer:
                await bot.AnswerCallbackQuery(answer.CallbackId, answer.Toast is null ? null : BotTexts.Format(answer.Toast), cancellationToken: cancellationToken);
                return null;
            case Reply.Document document:
                await using (var stream = new MemoryStream(document.Content, writable: false))
                {
                    return (await bot.SendDocument(chatId, InputFile.FromStream(stream, document.FileName), BotTexts.Format(document.Caption), cancellationToken: cancellationToken)).Id;
                }

            case Reply.Photo photo:
                await using (var stream = new MemoryStream(photo.Content, writable: false))
                {
                    return (await bot.SendPhoto(chatId, InputFile.FromStream(stream, photo.FileName), BotTexts.Format(photo.Caption), replyMarkup: Markup(photo.Keyboard),
                        cancellationToken: cancellationToken)).Id;
                }

            default:
                return null;
        }
    }

    private static ReplyMarkup? Markup(Keyboard? keyboard) => keyboard switch
    {
        null => null,
        Keyboard.Inline inline => Inline(inline),
        Keyboard.RequestContact contact => new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact(BotTexts.Format(contact.Label)))
        {
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
        },
        Keyboard.RequestLocation location => new ReplyKeyboardMarkup(KeyboardButton.WithRequestLocation(BotTexts.Format(location.Label)))
        {
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
        },
        Keyboard.Remove => new ReplyKeyboardRemove(),
        _ => null,
    };

    private static InlineKeyboardMarkup Inline(Keyboard.Inline inline) =>
        new(inline.Rows().Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));

    /// <summary>An edit without a keyboard keeps none, as Telegram does when reply_markup is left out.</summary>
    private static InlineKeyboardMarkup? InlineOrNone(Keyboard.Inline? inline) => inline is null ? null : Inline(inline);
}

/// <summary>What became of one reply, and the id of the message it sent (null for edits, deletions and failures).</summary>
public sealed record Sent(Reply Reply, Delivery Delivery, int? MessageId);

/// <summary>What became of one reply.</summary>
public enum Delivery
{
    Sent,

    /// <summary>Telegram refused it (a 4xx other than 429: too long, chat blocked): sending it again cannot help.</summary>
    Refused,

    /// <summary>Telegram or the network failed after the retries (5xx, 429, no connection): it may pass later.</summary>
    Failed,
}
