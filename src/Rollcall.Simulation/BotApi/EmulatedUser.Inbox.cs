using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>What a bot did in this user's chat: messages, edits, deletions, answers to presses.</summary>
public sealed partial class EmulatedUser
{
    /// <summary>The next message the bot sends to this user, in order; fails after the timeout (default <see cref="SimulationDefaults.Timeout"/>).</summary>
    public Task<BotMessage> NextMessageAsync(EmulatedBot bot, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _emulator.PrivateChat(bot, this).Messages.Reader.NextAsync(timeout, $"message from @{bot.Username} to {FirstName}", cancellationToken);

    /// <summary>The next edit the bot makes to one of its messages here, as the edited message.</summary>
    public Task<BotMessage> NextEditAsync(EmulatedBot bot, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _emulator.PrivateChat(bot, this).Edits.Reader.NextAsync(timeout, $"edit from @{bot.Username} for {FirstName}", cancellationToken);

    /// <summary>The next answerCallbackQuery for a press of this user.</summary>
    public Task<CallbackAnswer> NextCallbackAnswerAsync(EmulatedBot bot, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _emulator.PrivateChat(bot, this).Answers.Reader.NextAsync(timeout, $"callback answer from @{bot.Username} to {FirstName}", cancellationToken);

    /// <summary>The id of the next message the bot deletes here.</summary>
    public Task<int> NextDeletionAsync(EmulatedBot bot, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _emulator.PrivateChat(bot, this).Deletions.Reader.NextAsync(timeout, $"deletion by @{bot.Username} for {FirstName}", cancellationToken);

    /// <summary>Ids of the messages the bot deleted in this chat so far.</summary>
    public IReadOnlyCollection<int> DeletedMessageIds(EmulatedBot bot) => _emulator.PrivateChat(bot, this).DeletedIds;

    /// <summary>Every message <paramref name="bot"/> has in the chat with this user now, oldest first, as it stands.</summary>
    public IReadOnlyList<BotMessage> MessagesFrom(EmulatedBot bot) => _emulator.PrivateChat(bot, this).BotViews();

    /// <summary>The current version of a message the bot sent here, or null when it was deleted.</summary>

    public BotMessage? CurrentMessage(EmulatedBot bot, int messageId) => _emulator.PrivateChat(bot, this).BotView(messageId);

    /// <summary>Presses an inline button of a bot's message; the button must be on the message as it is now.</summary>
    public Task<string> PressAsync(EmulatedBot bot, BotMessage message, string callbackData)
    {
        var chat = _emulator.PrivateChat(bot, this);
        var current = chat.BotView(message.MessageId) ?? throw new InvalidOperationException($"Message {message.MessageId} is gone.");
        if (!current.Buttons.Any(button => button.CallbackData == callbackData))
        {
            throw new InvalidOperationException(
                $"Message {message.MessageId} has no button with data '{callbackData}'; it has: {string.Join(", ", current.Buttons.Select(b => b.CallbackData))}.");
        }

        var id = _emulator.NewCallbackQuery(chat);
        bot.Updates.Add("callback_query", new JsonObject
        {
            ["id"] = id,
            ["from"] = UserJson(),
            ["message"] = chat.Find(message.MessageId),
            ["chat_instance"] = $"ci{Id}",
            ["data"] = callbackData,
        });
        return Task.FromResult(id);
    }

    /// <summary>
    /// Sends a callback query on <paramref name="message"/> with any data, as a modified client or a button of an old
    /// keyboard would: no check that the message has such a button.
    /// </summary>
    public Task<string> ForgeCallbackAsync(EmulatedBot bot, BotMessage message, string callbackData)
    {
        var chat = _emulator.PrivateChat(bot, this);
        var origin = chat.Find(message.MessageId) ?? throw new InvalidOperationException($"Message {message.MessageId} is not in this chat with {bot.Username}.");
        var id = _emulator.NewCallbackQuery(chat);
        bot.Updates.Add("callback_query", new JsonObject
        {
            ["id"] = id,
            ["from"] = UserJson(),
            ["message"] = origin,
            ["chat_instance"] = $"ci{Id}",
            ["data"] = callbackData,
        });
        return Task.FromResult(id);
    }

    /// <summary>Presses the inline button whose text contains <paramref name="buttonText"/>.</summary>
    public Task<string> PressButtonAsync(EmulatedBot bot, BotMessage message, string buttonText)
    {
        var current = CurrentMessage(bot, message.MessageId) ?? message;
        return PressAsync(bot, message, current.Button(buttonText).CallbackData
            ?? throw new InvalidOperationException($"Button '{buttonText}' has no callback data."));
    }
}
