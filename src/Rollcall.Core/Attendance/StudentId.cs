namespace Rollcall.Attendance;

/// <summary>Student ID format rule: letters, digits, '-' and '_', 1 to 50 characters.</summary>
public static class StudentId
{
    public const int MaxLength = 50;

    public static bool IsWellFormed(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxLength
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>IDs compare case-insensitively; they are stored upper-case.</summary>
    public static string Normalize(string text) => text.Trim().ToUpperInvariant();
}
