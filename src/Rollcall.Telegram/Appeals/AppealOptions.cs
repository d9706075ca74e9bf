using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Appeals;

namespace Rollcall.Telegram.Appeals;

/// <summary>Appeals' settings.</summary>
public sealed class AppealOptions
{
    /// <summary>How long after a session began its students may appeal a decision (up to a year).</summary>
    [ConfigurationKeyName("APPEAL_HOURS")]
    [Range(1, 8760)]
    public int Hours { get; set; } = AppealRules.DefaultHours;

    public TimeSpan Window => TimeSpan.FromHours(Hours);
}
