using Rollcall.Geofence;
using Rollcall.Telegram.Updates;

namespace Rollcall.Tests.Updates;

/// <summary>Builds inputs as InputReader would.</summary>
internal static class In
{
    private static long _update;

    public static Inbound From(BotInput input, long user = 100, int? messageId = null) =>
        new(Interlocked.Increment(ref _update), user, user, messageId ?? (int)_update, input);

    public static Inbound Command(string name) => From(new BotInput.Command(name, ""));

    public static Inbound Text(string text, int? messageId = null) => From(new BotInput.Text(text), messageId: messageId);

    public static Inbound Contact(string phone, bool own) => From(new BotInput.Contact(phone, own));

    public static Inbound Location(double lat, double lon, bool live = true, double? accuracy = 5, bool forwarded = false) =>
        From(new BotInput.Location(new GeoPoint(lat, lon, accuracy, live && !forwarded), forwarded));

    public static Inbound Callback(string data, int messageId = 500) => From(new BotInput.Callback(data, messageId, "cb-" + data));
}
