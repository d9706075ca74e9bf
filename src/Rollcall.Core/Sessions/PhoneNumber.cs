namespace Rollcall.Sessions;

/// <summary>Phone normalisation: digits only, compared with or without the country code.</summary>
public static class PhoneNumber
{
    /// <summary>Digits only ("+91 98765-43210" → "919876543210").</summary>
    public static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The last ten digits, the national number for most countries; equal keys mean the same phone.</summary>
    public static string Key(string phone)
    {
        var digits = Digits(phone).TrimStart('0');
        return digits.Length <= 10 ? digits : digits[^10..];
    }
}
