using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Enrolment;

/// <summary>The Approve / Reject buttons under an enrolment frame: callback data "en:a:{id}" or "en:r:{id}" (at most 64 bytes).</summary>
public static class EnrolmentButtons
{
    public const string Prefix = "en:";

    public static Keyboard.Inline For(Guid requestId) => new(
    [
        new InlineButton(BotTexts.Format(TextKey.ReviewApproveButton), $"en:a:{requestId:N}"),
        new InlineButton(BotTexts.Format(TextKey.ReviewRejectButton), $"en:r:{requestId:N}"),
    ]);

    public static bool TryParse(string data, out Guid requestId, out bool approve)
    {
        requestId = Guid.Empty;
        approve = data.StartsWith("en:a:", StringComparison.Ordinal);
        return (approve || data.StartsWith("en:r:", StringComparison.Ordinal))
            && Guid.TryParseExact(data.AsSpan(5), "N", out requestId);
    }
}
