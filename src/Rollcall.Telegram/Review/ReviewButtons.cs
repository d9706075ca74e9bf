using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Review;

/// <summary>The Approve / Reject buttons of a review: callback data "rv:a:{id}" or "rv:r:{id}" (at most 64 bytes).</summary>
public static class ReviewButtons
{
    public const string Prefix = "rv:";

    public static Keyboard.Inline For(Guid reviewId) => new(
    [
        new InlineButton(BotTexts.Format(TextKey.ReviewApproveButton), $"rv:a:{reviewId:N}"),
        new InlineButton(BotTexts.Format(TextKey.ReviewRejectButton), $"rv:r:{reviewId:N}"),
    ]);

    public static bool TryParse(string data, out Guid reviewId, out bool approve)
    {
        reviewId = Guid.Empty;
        approve = data.StartsWith("rv:a:", StringComparison.Ordinal);
        return (approve || data.StartsWith("rv:r:", StringComparison.Ordinal))
            && Guid.TryParseExact(data.AsSpan(5), "N", out reviewId);
    }
}
