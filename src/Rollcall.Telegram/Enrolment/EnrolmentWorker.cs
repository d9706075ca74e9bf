using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Hosting;
using Rollcall.Ports;
using Rollcall.Storage.Enrolment;
using Rollcall.Storage.Entities;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Updates;
using Telegram.Bot.Exceptions;

namespace Rollcall.Telegram.Enrolment;

/// <summary>
/// Examines enrolment notes off the update path, as verification jobs are examined: the row is claimed with a lease, the note
/// fetched and judged (<see cref="EnrolmentRules.Judge"/> against every enrolled face), the verdict written, then the student
/// and the teacher told. It also tells students the decisions taken from the command line.
/// </summary>
/// <param name="reviewImages">Null where no face engine is registered (the bots' own tests): a warning then goes out as text.</param>
public sealed class EnrolmentWorker(
    EnrolmentQueue queue,
    EnrolmentJobs jobs,
    VideoNoteDownload download,
    IEnrolmentFaces faces,
    BotMessenger messenger,
    TimeProvider time,
    ILogger<EnrolmentWorker> logger,
    IReviewImages? reviewImages = null) : BackgroundService
{
    /// <summary>Long enough for a first comparison that embeds every enrolled photo the cache lacks, short enough to survive a killed process.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TelegramRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FaultRetryDelay = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ConsumeAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepPeriod, time);
        do
        {
            try
            {
                foreach (var requestId in await jobs.ListWaitingAsync(time.GetUtcNow(), 100, stoppingToken))
                {
                    queue.Offer(requestId);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                EnrolmentLog.SweepFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var requestId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ProcessAsync(requestId, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    EnrolmentLog.RequestFailed(logger, requestId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unfinished requests stay queued in the database.
        }
    }

    /// <summary>Takes one request to its verdict (or tells a decision); false when another worker had it.</summary>
    public async Task<bool> ProcessAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await jobs.TryClaimAsync(requestId, time.GetUtcNow(), Lease, cancellationToken);
        if (request is null)
        {
            return false;
        }

        using var grace = new ShutdownGrace(time, cancellationToken);
        if (request.State != EnrolmentState.Queued)
        {
            await messenger.SendAsync([new Notice(BotRole.Student, request.ChatId, EnrolmentMessages.ForStudent(request))], grace.Token);
            await jobs.MarkToldAsync(request.Id, time.GetUtcNow(), grace.Token);
            return true;
        }

        var started = Stopwatch.GetTimestamp();
        (EnrolmentVerdict Verdict, EnrolmentSample Sample, byte[]? Evidence) judged;
        try
        {
            judged = await JudgeAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or FaceEngineFaultException && !cancellationToken.IsCancellationRequested)
        {
            // Telegram or the face engine is failing for now: never the student's fault, the request runs again later.
            EnrolmentLog.TransientFailure(logger, request.Id, e.GetType().Name, e);
            var delay = e is FaceEngineFaultException ? FaultRetryDelay : TelegramRetryDelay;
            await jobs.ReleaseAsync(request.Id, time.GetUtcNow() + delay, grace.Token);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await jobs.ReleaseAsync(request.Id, null, grace.Token);
            throw new OperationCanceledException(cancellationToken);
        }

        // The examination is done: its verdict and the messages are finished even if the host is stopping meanwhile.
        var (verdict, sample, evidence) = judged;
        var photo = sample is { Photo: { } jpeg, Embedding: { } face } ? new EnrolmentPhoto(jpeg, face) : null;
        if (!await jobs.DecideAsync(request.Id, verdict, photo, time.GetUtcNow(), grace.Token))
        {
            return true;
        }

        EnrolmentLog.Examined(logger, request.Id, request.StudentId, verdict.GetType().Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        await messenger.SendAsync(EnrolmentMessages.ForVerdict(request, verdict, photo?.Jpeg, evidence), grace.Token);
        return true;
    }

    private async Task<(EnrolmentVerdict, EnrolmentSample, byte[]?)> JudgeAsync(EnrolmentRequest request, CancellationToken cancellationToken)
    {
        var video = await download.FetchAsync(request.Id, request.FileId, cancellationToken);
        var sample = video is null
            ? new EnrolmentSample(new FaceCheck.BadVideo("unavailable"), null, null, 0)
            : await faces.ExamineAsync(video, request.Challenge, cancellationToken);
        LookAlike? closest = null;
        if (sample.Embedding is { } embedding)
        {
            closest = EnrolmentRules.Nearest(
                await faces.ClosestEnrolledAsync(embedding, request.StudentId, cancellationToken),
                await jobs.ClosestAwaitingAsync(embedding, request.StudentId, cancellationToken));
        }

        var verdict = EnrolmentRules.Judge(sample.Refusal, closest, sample.Threshold);
        if (verdict is not EnrolmentVerdict.FaceOfAnother other)
        {
            return (verdict, sample, null);
        }

        EnrolmentLog.FaceOfAnother(logger, request.Id, request.StudentId, other.Owner.StudentId, other.Owner.Similarity);
        var evidence = video is not null && reviewImages is not null ? await reviewImages.ComposeAsync(other.Owner.StudentId, video, cancellationToken) : null;
        return (verdict, sample, evidence);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
