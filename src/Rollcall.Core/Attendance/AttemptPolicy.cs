namespace Rollcall.Attendance;

/// <summary>How many verification attempts a student gets per session: 1 + FACE_VERIFICATION_MAX_RETRIES.</summary>
public sealed record AttemptPolicy(int MaxRetries)
{
    public int MaxAttempts => 1 + MaxRetries;

    public int Remaining(int attemptsUsed) => Math.Max(0, MaxAttempts - attemptsUsed);

    public bool CanTry(int attemptsUsed) => attemptsUsed < MaxAttempts;
}
