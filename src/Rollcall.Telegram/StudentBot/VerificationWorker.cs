using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Hosting;
using Rollcall.Observability;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.Review;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using Telegram.Bot.Exceptions;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// VERIFY_WORKERS consumers of the job channel plus a sweep that re-queues rows still waiting (start-up, crashes, a full
/// channel). Each job is claimed with a lease, judged (<see cref="VideoNoteJudge"/>), decided in one transaction with its replies, which
/// the <see cref="ReplyRelay"/> sends.
/// </summary>
public sealed class VerificationWorker(
    VerificationQueue queue,
    VerificationStore store,
    VideoNoteJudge judge,
    BotMessenger messenger,
    [FromKeyedServices(BotRole.Student)] IUpdateRouter conversations,
    IOptions<BotOptions> botOptions,
    IOptions<ClassroomOptions> classroom,
    LeasePolicy leases,
    RollcallMetrics metrics,
    TimeProvider time,
    ILogger<VerificationWorker> logger,
    IOptions<EnrolmentOptions> enrolment) : BackgroundService
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DownloadRetryDelay = TimeSpan.FromSeconds(2);

    // Our own failure (temp disk, a time-out under load, a decoder that died, Rekognition failing): long enough not to hammer it.
    private static readonly TimeSpan FaultRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Claimed jobs whose face check is running, with their claim: the stop gives back those still here (see <see cref="StopAsync"/>).</summary>
    /// <remarks>Keyed by job and claim: after a lease ran out, the sweep may hand the same job to this process again.</remarks>
    private readonly ConcurrentDictionary<(Guid Job, int Claim), VerificationJob> _checking = new();

    /// <summary>
    /// Signals the stop and waits for the workers as long as the host allows; a job whose face check is still running
    /// then goes back to the queue at once (that check will not be decided), so a sibling or the next start takes it.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var job in _checking.Values)
        {
            await GiveBackAsync(job);
        }
    }

    /// <summary>Puts a claimed job back in the queue now, unless its worker or the stop took it first.</summary>
    private async Task GiveBackAsync(VerificationJob job)
    {
        if (_checking.TryRemove((job.Id, job.Claims), out _))
        {
            using var release = new CancellationTokenSource(ShutdownGrace.Period, time);
            await store.ReleaseAsync(job, release.Token);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = botOptions.Value.Workers;
        StudentBotLog.WorkersStarted(logger, workers);
        List<Task> loops = [.. Enumerable.Range(0, workers).Select(_ => ConsumeAsync(stoppingToken)), SweepAsync(stoppingToken)];
        await Task.WhenAll(loops);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepPeriod, time);
        do
        {
            try
            {
                var waiting = await store.ListWaitingAsync(botOptions.Value.QueueCapacity, stoppingToken);
                var offered = waiting.Count(queue.Offer);
                StudentBotLog.Requeued(logger, offered);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                StudentBotLog.SweepFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ProcessAsync(jobId, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    StudentBotLog.JobFailed(logger, jobId, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unfinished jobs stay queued in the database.
        }
    }

    /// <summary>Runs one job to its decision and tells the student; false when another worker had it.</summary>
    public async Task<bool> ProcessAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await store.TryClaimAsync(jobId, leases.Job, cancellationToken);
        if (job is null)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        Verdict verdict;
        bool downloaded;
        var held = (job.Id, job.Claims);
        _checking[held] = job;
        try
        {
            (verdict, downloaded) = CheckInJudgement.IsParked(job.Tries, botOptions.Value.MaxTries)
                ? (Parked(job), true)
                : await judge.JudgeAsync(job, cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Telegram is failing for now: the job stays queued and the sweep offers it again after a short pause.
            StudentBotLog.JobFailed(logger, job.Id, e);
            if (_checking.TryRemove(held, out _))
            {
                await store.DeferAsync(job, DownloadRetryDelay, notTheNotes: true, cancellationToken);
            }

            return true;
        }
        catch (FaceEngineFaultException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Never the student's fault, so never an attempt: the job waits and runs again.
            StudentBotLog.FaceEngineFault(logger, job.Id, e.Fault.ToString(), e);
            if (_checking.TryRemove(held, out _))
            {
                await store.DeferAsync(job, FaultRetryDelay, notTheNotes: false, cancellationToken);
            }

            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await GiveBackAsync(job);
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            // A failure of ours: the lease runs out and the sweep retries the job.
            _checking.TryRemove(held, out _);
            throw;
        }

        // A check cut short by the stop may look like a bad video: it is not decided, it runs again.
        if (cancellationToken.IsCancellationRequested)
        {
            await GiveBackAsync(job);
            throw new OperationCanceledException(cancellationToken);
        }

        // Whoever removes the job first owns it: this worker decides it, or the stop has given it back already.
        if (!_checking.TryRemove(held, out _))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        // The face check is done: its decision (and the replies committed with it) is finished even if the host is stopping meanwhile.
        using var grace = new ShutdownGrace(time, cancellationToken);
        var decision = await store.CompleteAsync(job, verdict, classroom.Value.Attempts, classroom.Value.LateAfter, time.GetUtcNow(),
            d => ReplyRows.From(Notices(job, verdict, downloaded, d)), grace.Token);
        if (decision.IsSuperseded)
        {
            // Another worker claimed the job after this one's lease ran out: its decision stands, this one says nothing.
            StudentBotLog.JobSuperseded(logger, job.Id, job.Claims);
            return true;
        }

        if (!decision.AlreadyDecided)
        {
            // A decided check-in puts the student's chat at rest, unless it moved on to another session.
            await conversations.SettleAsync(job.ChatId, grace.Token);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var outcome = verdict.Check.GetType().Name;
        metrics.VerificationDecided(outcome, elapsed);
        StudentBotLog.JobDone(logger, job.Id, job.SessionId, job.Attempt, outcome, elapsed.TotalSeconds);

        // The decision's replies were committed with it; the relay sends them.
        messenger.Stored();
        return true;
    }

    /// <summary>What the decision says: the student's answer with its receipt and, when it is new, what the teacher must hear.</summary>
    private List<Notice> Notices(VerificationJob job, Verdict verdict, bool downloaded, VerificationDecision decision)
    {
        var message = downloaded
            ? VerificationMessages.For(verdict, decision, enrolment.Value.SelfEnrolment, job.NextChallenge)
            : Reply.Text(TextKey.VideoNoteTooBig, VideoNoteDownload.MaxBytes / (1024 * 1024), ChallengeWords.Ask(job.NextChallenge, again: true));
        List<Notice> notices = [new Notice(BotRole.Student, job.ChatId, VerificationMessages.WithReceipt(message, decision.Receipt))];
        if (!decision.AlreadyDecided)
        {
            notices.AddRange(TeacherNotices.For(job, verdict, decision));
        }

        return notices;
    }

    /// <summary>A job whose note failed the engine every time: decided without running it again, by the teacher.</summary>
    private Verdict Parked(VerificationJob job)
    {
        var tries = job.Tries - 1;
        StudentBotLog.JobParked(logger, job.Id, job.SessionId, tries);
        return CheckInJudgement.Judge(new FaceCheck.Unchecked(tries), downloaded: true, closest: null, imprecisePosition: false, reviewBand: 0);
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
