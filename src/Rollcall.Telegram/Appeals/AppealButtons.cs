using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Appeals;

/// <summary>The Approve / Reject buttons under an appeal: callback data "ap:a:{id}" or "ap:r:{id}" (37 bytes, at most 64).</summary>
public static class AppealButtons
{
    public const string Prefix = "ap:";

    public static Keyboard.Inline For(Guid appealId) => new(
    [
        new InlineButton(BotTexts.Format(TextKey.ReviewApproveButton), $"ap:a:{appealId:N}"),
        new InlineButton(BotTexts.Format(TextKey.ReviewRejectButton), $"ap:r:{appealId:N}"),
    ]);

    public static bool TryParse(string data, out Guid appealId, out bool approve)
    {
        appealId = Guid.Empty;
        approve = data.StartsWith("ap:a:", StringComparison.Ordinal);
        return (approve || data.StartsWith("ap:r:", StringComparison.Ordinal))
            && Guid.TryParseExact(data.AsSpan(5), "N", out appealId);
    }
}
