using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The student bot's own settings: the challenge asked for in the video note, the download limit.</summary>
public sealed class StudentBotOptions : IValidatableObject
{
    /// <summary>Telegram's getFile limit for bots.</summary>
    public const long MaxVideoBytes = 20 * 1024 * 1024;

    /// <summary>on or off: ask for two actions in order inside each video note (see the faces README for the numbers behind the default).</summary>
    [ConfigurationKeyName("ATTENDANCE_CHALLENGE")]
    [SettingExample("off")]
    public string Challenge { get; set; } = "off";

    public bool ChallengeOn => Challenge == "on";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Challenge is not ("off" or "on"))
        {
            yield return new($"ATTENDANCE_CHALLENGE must be on or off, e.g. on (got '{Challenge}')");
        }
    }
}
