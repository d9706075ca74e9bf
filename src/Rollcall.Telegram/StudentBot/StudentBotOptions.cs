using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The student bot's own settings: the match threshold it quotes, and the largest video note it downloads.</summary>
public sealed class StudentBotOptions
{
    /// <summary>Telegram's getFile limit for bots.</summary>
    public const long MaxVideoBytes = 20 * 1024 * 1024;

    [ConfigurationKeyName("FACE_MATCH_THRESHOLD")]
    [Range(0.0, 100.0)]
    public double FaceMatchThreshold { get; set; } = 70;
}
