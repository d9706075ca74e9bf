using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Approve / Reject under a card a person decides (a review, an enrolment, an appeal): callback data "{prefix}a:{id}" or
/// "{prefix}r:{id}", the id as 32 hex digits, so a three-character prefix makes 37 bytes (Telegram allows 64).
/// </summary>
public sealed class ApproveRejectButtons(string prefix)
{
    public string Prefix => prefix;

    public Keyboard.Inline For(Guid id) => new(
    [
        new InlineButton(BotTexts.Format(TextKey.ReviewApproveButton), $"{prefix}a:{id:N}"),
        new InlineButton(BotTexts.Format(TextKey.ReviewRejectButton), $"{prefix}r:{id:N}"),
    ]);

    public bool TryParse(string data, out Guid id, out bool approve)
    {
        id = Guid.Empty;
        approve = data.StartsWith(prefix + "a:", StringComparison.Ordinal);
        return (approve || data.StartsWith(prefix + "r:", StringComparison.Ordinal))
            && Guid.TryParseExact(data.AsSpan(prefix.Length + 2), "N", out id);
    }
}
