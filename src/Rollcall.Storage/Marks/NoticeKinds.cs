namespace Rollcall.Storage.Marks;

/// <summary>The kinds of notice a teacher gets about a student, at most once per session and student each.</summary>
public static class NoticeKinds
{
    public const string NoAttemptsLeft = "no-attempts";
    public const string NoPhoto = "no-photo";
    public const string BoundToAnotherAccount = "bound";
    public const string AnotherIdThisSession = "second-id";
    public const string LookAlike = "look-alike";
}
