using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;

namespace Rollcall.Telegram.Enrolment;

/// <summary>ENROLMENT: who puts ID photos in place.</summary>
public enum EnrolmentMode
{
    /// <summary>The operator's `photos import`, as before.</summary>
    Admin,

    /// <summary>Also a student without one, from a video note in the student bot, approved by their teacher.</summary>
    Self,
}

/// <summary>Self-enrolment's settings.</summary>
public sealed class EnrolmentOptions : IValidatableObject
{
    [ConfigurationKeyName("ENROLMENT")]
    [SettingExample("admin")]
    public EnrolmentMode Mode { get; set; } = EnrolmentMode.Admin;

    public bool SelfEnrolment => Mode == EnrolmentMode.Self;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A number such as "5" binds to an enum without being one of its names.
        if (!Enum.IsDefined(Mode))
        {
            yield return new("ENROLMENT must be admin or self, e.g. admin");
        }
    }
}
