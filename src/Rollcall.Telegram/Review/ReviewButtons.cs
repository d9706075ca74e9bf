using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Review;

/// <summary>The Approve / Reject buttons of a review: callback data "rv:a:{id}" or "rv:r:{id}".</summary>
public static class ReviewButtons
{
    public const string Prefix = "rv:";

    private static readonly ApproveRejectButtons Buttons = new(Prefix);

    public static Keyboard.Inline For(Guid reviewId) => Buttons.For(reviewId);

    public static bool TryParse(string data, out Guid reviewId, out bool approve) => Buttons.TryParse(data, out reviewId, out approve);
}
