namespace Rollcall.Hosting;

/// <summary>
/// How long each claim is held: the worst case of the calls made under it, derived from the timeouts that bound those
/// calls rather than assumed, so a live holder's claim does not run out under it (a killed holder's does, and the work
/// runs again). Fencing makes an early expiry safe; this makes it rare.
/// </summary>
/// <param name="Job">A verification job: getFile, the download, the face check, the review picture and the decision.</param>
/// <param name="Outbox">An outbox delivery: the LMS write with every token renewal it may need.</param>
/// <param name="LmsRenewal">A teacher's LMS token renewal: a refresh, or a login that may log out and log in again.</param>
/// <param name="Reply">One reply through a bot, with every retry the sender allows (ReplySender.WorstCase).</param>
public sealed record LeasePolicy(TimeSpan Job, TimeSpan Outbox, TimeSpan LmsRenewal, TimeSpan Reply)
{
    /// <summary>One row of the reply outbox: a single Bot API call (the relay retries later, not under the claim) and its marking.</summary>
    public TimeSpan ReplyRow { get; init; } = Reply;

    /// <summary>A reply outbox row's claim: one call within <paramref name="botCall"/> (the bots' HttpClient timeout) and the database work.</summary>
    public static TimeSpan ReplyRowFor(TimeSpan botCall) => botCall + DatabaseWork;

    /// <summary>The database work under one claim: a few commands, each within the providers' 30 s command or busy timeout.</summary>
    public static readonly TimeSpan DatabaseWork = TimeSpan.FromSeconds(30);

    /// <summary>A token renewal: a refresh, or a login answered 409, a logout and a login: each an unretried POST within <paramref name="httpTimeout"/>.</summary>
    public static TimeSpan LmsRenewalFor(TimeSpan httpTimeout) => httpTimeout * 4;

    /// <param name="httpTimeout">HTTP_TIMEOUT_SECONDS: one LMS attempt, and each of a video note's two Bot API calls.</param>
    /// <param name="faceWork">One face analysis (FACE_VIDEO_TIMEOUT_SECONDS); the review picture decodes the clip again.</param>
    /// <param name="reply">One reply's worst case (ReplySender.WorstCase of the bots' call timeout).</param>
    public static LeasePolicy Derive(TimeSpan httpTimeout, TimeSpan faceWork, TimeSpan reply)
    {
        // getFile, then the download (VideoNoteDownload cuts each off), the analysis and the review picture.
        var job = httpTimeout + httpTimeout + faceWork + faceWork + DatabaseWork;

        var renewal = LmsRenewalFor(httpTimeout);

        // The write up to three times (stored token, refreshed, logged in again), waiting for a sibling's renewal once and
        // renewing twice (refresh, then login).
        var outbox = (httpTimeout * 3) + renewal + (httpTimeout * 4) + DatabaseWork;
        return new LeasePolicy(job, outbox, renewal, reply);
    }

    /// <summary>A report's claim: its <paramref name="replies"/> (the report's parts and the notices that go with it) and the database work.</summary>
    public TimeSpan Report(int replies) => (Reply * replies) + DatabaseWork;
}
