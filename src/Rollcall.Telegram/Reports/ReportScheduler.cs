using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Hosting;
using Rollcall.Storage.Reviews;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Term;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Reports;

/// <summary>
/// Sends each session's report once it is due: claims due sessions with a lease (a conditional UPDATE, so two instances
/// never both send), sends the message and the CSV, then marks it sent. A report due while the process was down goes out at start-up.
/// </summary>
public sealed class ReportScheduler(
    ReportStore store,
    [FromKeyedServices(BotRole.Teacher)] ReplySender sender,
    TimeProvider time,
    ILogger<ReportScheduler> logger,
    ReviewExpiry reviews,
    BotMessenger messenger,
    IOptions<ClassroomOptions> classroom,
    TermWarnings warnings,
    LeasePolicy leases) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>The report's own parts (message, CSV, chart), for the claim taken before they are counted.</summary>
    private const int ReportParts = 3;

    /// <summary>How long a due report waits for verifications still queued.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                ReportsLog.ReportRoundFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round: sends every due report this instance can claim (SessionCleanup frees expired codes).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;

        // One claim at a time, so each claim's lease covers its own report only, not the ones queued behind it.
        for (var round = 0; round < 20 && await store.ClaimDueAsync(time.GetUtcNow(), leases.Report(ReportParts), Grace, 1, cancellationToken) is [var claim]; round++)
        {
            var sessionId = claim.SessionId;

            // A report begun is finished in an orderly stop; those not begun are given back for a sibling or the next start.
            using var grace = new ShutdownGrace(time, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                await store.ReleaseClaimAsync(claim, grace.Token);
                break;
            }

            // Reviews are valid until the report: the ones still open close now, and the report shows them as not marked.
            var expired = await reviews.ExpireAsync(sessionId, classroom.Value.MediaRetentionSpan is not null, time.GetUtcNow(), grace.Token);
            var report = await store.LoadAsync(sessionId, grace.Token);
            var fellBelow = await warnings.PlanAsync(report, grace.Token);
            var replies = ReportFormatter.Replies(report, warnings.TeacherLine(fellBelow));

            // Now that every send is known, the claim covers them all (L6); a claim taken over meanwhile sends nothing.
            if (!await store.ExtendClaimAsync(claim, leases.Report(expired.Count + replies.Count + (fellBelow?.Falling.Count ?? 0)), grace.Token))
            {
                ReportsLog.ReportClaimLost(logger, sessionId, claim.Claim);
                continue;
            }

            await messenger.SendAsync(expired.Select(e => new Notice(BotRole.Student, e.StudentChatId,
                VerificationMessages.WithReceipt(Reply.Text(TextKey.ReviewExpiredStudent, e.Subject), e.Receipt))), grace.Token);
            if (await sender.SendAsync(report.TeacherChatId, replies, grace.Token))
            {
                if (!await store.MarkSentAsync(claim, time.GetUtcNow(), grace.Token))
                {
                    ReportsLog.ReportClaimLost(logger, sessionId, claim.Claim);
                    continue;
                }

                // After the report, so a report sent again (its claim ran out) names them again; a student is told once.
                await messenger.SendAsync(await warnings.ApplyAsync(fellBelow, time.GetUtcNow(), grace.Token), grace.Token);
                ReportsLog.ReportSent(logger, sessionId, report.TeacherChatId, report.Lines.Count(l => l.Present), report.Lines.Count);
                sent++;
            }
            else
            {
                // The claim runs out and a later round retries.
                ReportsLog.ReportNotSent(logger, sessionId);
            }
        }

        return sent;
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
