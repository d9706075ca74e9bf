namespace Rollcall.Faces.Photos;

/// <summary>Student ids as file names and object keys: letters, digits, '-', '_' and inner dots only, so no path can escape.</summary>
public static class StudentPhotoKey
{
    public const int MaxLength = 128;

    public static bool IsSafe(string studentId)
    {
        if (string.IsNullOrEmpty(studentId) || studentId.Length > MaxLength || studentId[0] == '.' || studentId.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in studentId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Require(string studentId) =>
        IsSafe(studentId) ? studentId : throw new ArgumentException("A student id may hold only letters, digits, '-', '_' and inner dots.", nameof(studentId));

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
}
