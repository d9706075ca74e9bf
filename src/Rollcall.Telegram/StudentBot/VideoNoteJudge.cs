using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Ports;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Telegram.Classroom;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// A claimed job to its verdict: the video note fetched, the face checked, and the check weighed for this session
/// (<see cref="CheckInJudgement"/>: a look-alike already marked, or the grey band with the picture for the teacher).
/// </summary>
/// <param name="reviewImages">Null where no face engine is registered (the bots' own tests): a review then goes out as text.</param>
public sealed class VideoNoteJudge(
    VideoNoteDownload download,
    IFaceVerifier verifier,
    VerificationStore store,
    IOptions<ClassroomOptions> classroom,
    ILogger<VideoNoteJudge> logger,
    IReviewImages? reviewImages = null)
{
    /// <summary>The verdict, and whether the note could be fetched at all (when not, the student is told it is too large).</summary>
    public async Task<(Verdict Verdict, bool Downloaded)> JudgeAsync(VerificationJob job, CancellationToken cancellationToken)
    {
        var video = await download.FetchAsync(job.Id, job.FileId, cancellationToken);
        var check = video is null
            ? new FaceCheck.BadVideo("unavailable")
            : await verifier.VerifyAsync(new FaceCheckRequest(job.StudentId, video, job.Challenge), cancellationToken);

        var probe = CheckInJudgement.LookAlikeProbe(check, classroom.Value.DuplicateFaceCheck);
        var closest = probe is null ? null : await store.FindLookAlikeAsync(job.SessionId, job.StudentId, probe, cancellationToken);
        var verdict = CheckInJudgement.Judge(check, video is not null, closest, job.AccuracyMetres is not null, classroom.Value.ReviewBand);
        if (verdict.Collusion is { } other)
        {
            StudentBotLog.LookAlikeRefused(logger, job.SessionId, job.StudentId, other.StudentId, check.Similarity ?? 0, other.Similarity);
        }

        if (verdict.Review is not null && video is not null && reviewImages is not null)
        {
            verdict = verdict with { ReviewImage = await reviewImages.ComposeAsync(job.StudentId, video, cancellationToken) };
        }

        return (verdict, video is not null);
    }
}
