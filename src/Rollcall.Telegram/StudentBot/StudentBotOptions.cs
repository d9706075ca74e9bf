using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;
using Rollcall.Faces;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The student bot's own settings: the action asked for in the video note, the download limit.</summary>
public sealed class StudentBotOptions : IValidatableObject
{
    /// <summary>Telegram's getFile limit for bots.</summary>
    public const long MaxVideoBytes = 20 * 1024 * 1024;

    /// <summary>off, turn or blink; off by default until the challenge is measured on real clients (see the faces README).</summary>
    [ConfigurationKeyName("ATTENDANCE_CHALLENGE")]
    [SettingExample("off")]
    public string Challenge { get; set; } = "off";

    /// <summary>The action to ask for; <paramref name="coin"/> (0 or 1) picks the side of a turn.</summary>
    public ChallengeKind Pick(int coin) => Challenge switch
    {
        "turn" => coin == 0 ? ChallengeKind.TurnLeft : ChallengeKind.TurnRight,
        "blink" => ChallengeKind.Blink,
        _ => ChallengeKind.None,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Challenge is not ("off" or "turn" or "blink"))
        {
            yield return new($"ATTENDANCE_CHALLENGE must be off, turn or blink, e.g. off (got '{Challenge}')");
        }
    }
}
