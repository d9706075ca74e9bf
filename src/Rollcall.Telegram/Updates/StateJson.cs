using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rollcall.Telegram.Updates;

/// <summary>Conversation state to and from the JSON of the Conversation row; unreadable state starts over.</summary>
public static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T state) => JsonSerializer.Serialize(state, Options);

    public static T Read<T>(string? json, T fallback)
    {
        if (string.IsNullOrEmpty(json))
        {
            return fallback;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
