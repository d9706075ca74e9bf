using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Rollcall.Simulation.BotApi;

/// <summary>One chat as one bot sees it: message numbering, the messages kept for edits, and what the bot did there.</summary>
internal sealed class ChatState(long chatId, JsonObject chat)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, JsonObject> _messages = [];
    private readonly Dictionary<int, BotMessage> _fromBot = [];
    private readonly ConcurrentQueue<int> _deleted = new();
    private int _lastMessageId;

    public long ChatId { get; } = chatId;

    /// <summary>A private chat opens when the user writes first; until then the bot may not write.</summary>
    public bool Started { get; set; }

    public Channel<BotMessage> Messages { get; } = Channel.CreateUnbounded<BotMessage>();

    public Channel<BotMessage> Edits { get; } = Channel.CreateUnbounded<BotMessage>();

    public Channel<CallbackAnswer> Answers { get; } = Channel.CreateUnbounded<CallbackAnswer>();

    public Channel<int> Deletions { get; } = Channel.CreateUnbounded<int>();

    public IReadOnlyCollection<int> DeletedIds => [.. _deleted];

    public JsonObject ChatJson() => (JsonObject)chat.DeepClone();

    /// <summary>Numbers a new message, stores it and returns a copy with its message_id.</summary>
    public JsonObject Add(Func<int, JsonObject> create)
    {
        lock (_gate)
        {
            var id = ++_lastMessageId;
            var message = create(id);
            _messages[id] = message;
            return (JsonObject)message.DeepClone();
        }
    }

    public JsonObject? Find(int messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(messageId, out var message) ? (JsonObject)message.DeepClone() : null;
        }
    }

    /// <summary>Replaces a stored message with an edited one; false when it does not exist.</summary>
    public bool Replace(int messageId, JsonObject message)
    {
        lock (_gate)
        {
            if (!_messages.ContainsKey(messageId))
            {
                return false;
            }

            _messages[messageId] = (JsonObject)message.DeepClone();
            return true;
        }
    }

    public void SetBotView(BotMessage view)
    {
        lock (_gate)
        {
            _fromBot[view.MessageId] = view;
        }
    }

    /// <summary>Every message the bot has in the chat now, oldest first (deleted ones left out).</summary>
    public IReadOnlyList<BotMessage> BotViews()
    {
        lock (_gate)
        {
            return [.. _fromBot.OrderBy(m => m.Key).Select(m => m.Value)];
        }
    }

    public BotMessage? BotView(int messageId)
    {
        lock (_gate)
        {
            return _fromBot.GetValueOrDefault(messageId);
        }
    }

    public bool Delete(int messageId)
    {
        lock (_gate)
        {
            if (!_messages.Remove(messageId))
            {
                return false;
            }

            _fromBot.Remove(messageId);
        }

        _deleted.Enqueue(messageId);
        Deletions.Writer.TryWrite(messageId);
        return true;
    }
}
