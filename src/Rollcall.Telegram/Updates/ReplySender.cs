using Microsoft.Extensions.Logging;
using Rollcall.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Rollcall.Telegram.Updates;

/// <summary>Sends replies (data) through one bot; a reply that fails is logged and the rest still go out.</summary>
public sealed class ReplySender(ITelegramBotClient bot, ILogger<ReplySender> logger)
{
    /// <summary>Sends each reply in order; false when any of them failed.</summary>
    public async Task<bool> SendAsync(long chatId, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        var allSent = true;
        foreach (var reply in replies)
        {
            try
            {
                await SendOneAsync(chatId, reply, cancellationToken);
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
            {
                UpdatesLog.ReplyFailed(logger, chatId, reply.GetType().Name, e);
                allSent = false;
            }
        }

        return allSent;
    }

    private async Task SendOneAsync(long chatId, Reply reply, CancellationToken cancellationToken)
    {
        switch (reply)
        {
            case Reply.Message message:
                await bot.SendMessage(chatId, BotTexts.Format(message.Content), replyMarkup: Markup(message.Keyboard), cancellationToken: cancellationToken);
                break;
            case Reply.Delete delete:
                await bot.DeleteMessage(chatId, delete.MessageId, cancellationToken);
                break;
            case Reply.EditKeyboard edit:
                await bot.EditMessageReplyMarkup(chatId, edit.MessageId, Inline(edit.Keyboard), cancellationToken: cancellationToken);
                break;
            case Reply.AnswerCallback answer:
                await bot.AnswerCallbackQuery(answer.CallbackId, answer.Toast is null ? null : BotTexts.Format(answer.Toast), cancellationToken: cancellationToken);
                break;
            case Reply.Document document:
                await using (var stream = new MemoryStream(document.Content, writable: false))
                {
                    await bot.SendDocument(chatId, InputFile.FromStream(stream, document.FileName), BotTexts.Format(document.Caption), cancellationToken: cancellationToken);
                }

                break;
            case Reply.Photo photo:
                await using (var stream = new MemoryStream(photo.Content, writable: false))
                {
                    await bot.SendPhoto(chatId, InputFile.FromStream(stream, photo.FileName), BotTexts.Format(photo.Caption), cancellationToken: cancellationToken);
                }

                break;
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
        new(inline.Buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Label, b.Data) }));
}
