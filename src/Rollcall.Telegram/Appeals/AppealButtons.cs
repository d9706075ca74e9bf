using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Appeals;

/// <summary>The Approve / Reject buttons under an appeal: callback data "ap:a:{id}" or "ap:r:{id}".</summary>
public static class AppealButtons
{
    public const string Prefix = "ap:";

    private static readonly ApproveRejectButtons Buttons = new(Prefix);

    public static Keyboard.Inline For(Guid appealId) => Buttons.For(appealId);

    public static bool TryParse(string data, out Guid appealId, out bool approve) => Buttons.TryParse(data, out appealId, out approve);
}
