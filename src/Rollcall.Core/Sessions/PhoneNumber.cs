namespace Rollcall.Sessions;

/// <summary>
/// Phone numbers compared with their country code: Telegram verifies a contact's full international number, so a
/// teacher registered as +91 98765 43210 is not matched by +7 987 654 3210, whose last ten digits are the same.
/// </summary>
public static class PhoneNumber
{
    /// <summary>E.164 allows at most 15 digits with the country code; below 8 no number is complete.</summary>
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    /// <summary>Digits only ("+91 98765-43210" → "919876543210").</summary>
    public static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The comparison key: the international digits. A contact from Telegram carries its country code, with or without
    /// '+'; an international "00" prefix is dropped.
    /// </summary>
    public static string Key(string phone)
    {
        var digits = Digits(phone);
        return phone.TrimStart().StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>
    /// The international digits of a number an operator typed with its country code ("+91 98765 43210", "0091 …"), or
    /// null when it has none or cannot be a whole number: a national number would match no Telegram contact.
    /// </summary>
    public static string? International(string phone)
    {
        var written = phone.TrimStart();
        if (!written.StartsWith('+') && !written.StartsWith("00", StringComparison.Ordinal))
        {
            return null;
        }

        var key = Key(written);
        return key.Length is >= MinDigits and <= MaxDigits && key[0] != '0' ? key : null;
    }
}
