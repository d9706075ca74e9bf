namespace Rollcall.Storage.Entities;

/// <summary>A registered teacher; the password is sealed with the encryption key.</summary>
public class Teacher
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Digits only, with the country code (registered as +CC …).</summary>
    public string Phone { get; set; } = "";

    /// <summary>The comparison key of the phone: its international digits (see PhoneNumber.Key); unique.</summary>
    public string PhoneKey { get; set; } = "";

    public long? TelegramUserId { get; set; }

    public string? LmsUsername { get; set; }

    public string? PasswordSealed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the LMS began refusing this teacher's sign-in for a delivery; cleared by a new sign-in or an accepted one.</summary>
    public DateTimeOffset? LmsRefusedAt { get; set; }

    /// <summary>The instance renewing this teacher's LMS tokens, until <see cref="TokenRenewalUntil"/> (database clock).</summary>
    public Guid? TokenRenewalHolder { get; set; }

    public DateTimeOffset? TokenRenewalUntil { get; set; }
}
