using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Enrolment;

/// <summary>The Approve / Reject buttons under an enrolment frame: callback data "en:a:{id}" or "en:r:{id}".</summary>
public static class EnrolmentButtons
{
    public const string Prefix = "en:";

    private static readonly ApproveRejectButtons Buttons = new(Prefix);

    public static Keyboard.Inline For(Guid requestId) => Buttons.For(requestId);

    public static bool TryParse(string data, out Guid requestId, out bool approve) => Buttons.TryParse(data, out requestId, out approve);
}
