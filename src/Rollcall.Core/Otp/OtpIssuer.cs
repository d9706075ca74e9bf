using System.Security.Cryptography;

namespace Rollcall.Otp;

/// <summary>Issues 6-digit class codes from a CSPRNG; uniqueness among open sessions is enforced by the store.</summary>
public sealed class OtpIssuer
{
    private readonly Func<int, int> _next;

    public OtpIssuer()
        : this(RandomNumberGenerator.GetInt32)
    {
    }

    /// <summary>For tests: a source of integers in [0, max).</summary>
    public OtpIssuer(Func<int, int> next) => _next = next;

    public string Next() => _next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for exactly six ASCII digits.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: 6 } && text.All(char.IsAsciiDigit);

    /// <summary>The code as typed or carried by a link, with spaces and dashes dropped ("159 969"); null when it is no code.</summary>
    public static string? Normalize(string? text)
    {
        var code = text is null ? null : new string([.. text.Where(c => c is not (' ' or '-'))]);
        return IsWellFormed(code) ? code : null;
    }
}
