using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Otp;
using Rollcall.Sessions;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// Keeps each session message up to date, at most once per <see cref="Period"/>: counts as students arrive, the window's
/// phase, and with CODE_ROTATION_SECONDS a new code and QR. Only a change is edited in, by one instance (a conditional UPDATE).
/// </summary>
public sealed class LiveRoll(
    LiveRollStore store,
    StudentBotLink link,
    [FromKeyedServices(BotRole.Teacher)] ReplySender sender,
    OtpIssuer otps,
    LocalClock clock,
    IOptions<ClassroomOptions> options,
    TimeProvider time,
    ILogger<LiveRoll> logger) : BackgroundService
{
    /// <summary>The most often a session message is edited: well inside Telegram's per-chat limits.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

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
                RollLog.RoundFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One round: rotates due codes, then edits every session message whose content changed; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (options.Value.CodeRotation is { } every)
        {
            await store.RotateAsync(now, every, otps.Next, cancellationToken);
        }

        var edited = 0;
        foreach (var live in await store.ListAsync(now, cancellationToken))
        {
            var card = live.Card;
            var url = await link.ForCodeAsync(card.Otp, cancellationToken);
            var caption = SessionMessage.Caption(card, url, now, clock);
            var buttons = SessionMessage.Buttons(card, now);
            var shown = SessionMessage.Shown(card.Otp, caption, buttons);
            if (shown == live.Shown || !await store.TryShowAsync(card.Id, live.MessageId, live.Shown, shown, cancellationToken))
            {
                continue;
            }

            Reply edit = SessionMessage.ShowsCode(live.Shown, card.Otp)
                ? new Reply.EditCaption(live.MessageId, caption, buttons)
                : new Reply.EditPhoto(live.MessageId, SessionMessage.QrFileName, SessionQr.Png(url ?? card.Otp), caption, buttons);
            if (await sender.TrySendAsync(live.ChatId, edit, cancellationToken) == Delivery.Failed)
            {
                // Telegram is down for now: show the old content as shown, so a later round edits again.
                await store.TryShowAsync(card.Id, live.MessageId, shown, live.Shown ?? "", cancellationToken);
                continue;
            }

            edited++;
        }

        return edited;
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
