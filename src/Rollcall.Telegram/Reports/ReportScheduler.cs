using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Hosting;
using Rollcall.Sessions;
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
/// never both send), sends its parts (the messages, the CSV, the chart) recording each one, then marks it sent once. A
/// part Telegram cannot take now is sent again alone in a later round; a report due while the process was down goes out at start-up.
/// </summary>
public sealed class ReportScheduler(
    ReportStore store,
    [FromKeyedServices(BotRole.Teacher)] ReplySender sender,
    TimeProvider time,
    ILogger<ReportScheduler> logger,
    ReviewExpiry reviews,
    BotMessenger messenger,
    IOptions<ClassroomOptions> classroom,
    LocalClock clock,
    TermWarnings warnings,
    LeasePolicy leases) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>The report's own parts (message, CSV, chart), for the claim taken before they are counted.</summary>
    private const int OwnParts = 3;

    /// <summary>How long after a part failed the report's next round sends the rest.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(15);

    /// <summary>How long past the check-in window a report waits for video notes received in time and still being checked.</summary>
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
        for (var round = 0; round < 20 && await store.ClaimDueAsync(time.GetUtcNow(), leases.Report(OwnParts), Grace, 1, cancellationToken) is [var claim]; round++)
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
            // Their students' answers commit with the expiry and go through the reply relay.
            var expired = await reviews.ExpireAsync(sessionId, classroom.Value.MediaRetentionSpan is not null, time.GetUtcNow(), grace.Token,
                closed => ReplyRows.From(closed.Select(e => new Notice(BotRole.Student, e.StudentChatId,
                    VerificationMessages.WithReceipt(Reply.Text(TextKey.ReviewExpiredStudent, e.Subject), e.Receipt)))));
            if (expired.Count > 0)
            {
                messenger.Stored();
            }

            var report = await store.LoadAsync(sessionId, grace.Token);
            var fellBelow = await warnings.PlanAsync(report, grace.Token);
            var parts = ReportFormatter.Replies(report, clock, warnings.TeacherLine(fellBelow));

            // Now that every send is known, the claim covers them all (L6); a claim taken over meanwhile sends nothing.
            if (!await store.ExtendClaimAsync(claim, leases.Report(expired.Count + parts.Count + (fellBelow?.Falling.Count ?? 0)), grace.Token))
            {
                ReportsLog.ReportClaimLost(logger, sessionId, claim.Claim);
                continue;
            }

            if (!await DeliverAsync(claim, report, parts, grace.Token))
            {
                continue;
            }

            if (!await store.MarkSentAsync(claim, time.GetUtcNow(), grace.Token))
            {
                ReportsLog.ReportClaimLost(logger, sessionId, claim.Claim);
                continue;
            }

            // After the report, so a report sent again (its claim ran out) names them again; a student is told once.
            await messenger.SendAsync(await warnings.ApplyAsync(fellBelow, time.GetUtcNow(), grace.Token), grace.Token);
            ReportsLog.ReportSent(logger, sessionId, report.TeacherChatId, report.Lines.Count(l => l.Attended), report.Lines.Count);
            sent++;
        }

        return sent;
    }

    /// <summary>
    /// Sends the parts not yet delivered, in order, recording each; true when every part went out or was refused for
    /// good (trying again cannot help). A part that may pass later ends the round: the next sends only the rest. A claim
    /// taken over meanwhile stops the sending, so two holders never interleave parts.
    /// </summary>
    private async Task<bool> DeliverAsync(ReportClaim claim, SessionReport report, IReadOnlyList<Reply> parts, CancellationToken cancellationToken)
    {
        for (var part = report.PartsSent; part < parts.Count; part++)
        {
            if (await sender.TrySendAsync(report.TeacherChatId, parts[part], cancellationToken) == Delivery.Failed)
            {
                await store.RetryLaterAsync(claim, time.GetUtcNow() + RetryDelay, cancellationToken);
                ReportsLog.ReportNotSent(logger, report.SessionId, part + 1, parts.Count);
                return false;
            }

            if (!await store.RecordPartsSentAsync(claim, part + 1, cancellationToken))
            {
                ReportsLog.ReportClaimLost(logger, report.SessionId, claim.Claim);
                return false;
            }
        }

        return true;
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
