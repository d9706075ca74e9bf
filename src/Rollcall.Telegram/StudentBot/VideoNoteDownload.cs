using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Telegram.Updates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// A job's video note, fetched once into memory through the student bot (getFile, then the download), never past
/// Telegram's limit for bots. Transient failures (Telegram down, 429, 5xx) are thrown for the worker to retry later.
/// Each call ends within HTTP_TIMEOUT_SECONDS (the bots' HttpClient allows the long poll on top), so the job's lease
/// can be derived from it (<see cref="Hosting.LeasePolicy"/>).
/// </summary>
public sealed class VideoNoteDownload(
    [FromKeyedServices(BotRole.Student)] ITelegramBotClient bot, IOptions<BotOptions> options, TimeProvider time, ILogger<VideoNoteDownload> logger)
{
    /// <summary>Telegram's getFile limit for bots.</summary>
    public const long MaxBytes = StudentBotOptions.MaxVideoBytes;

    /// <summary>The note's bytes, or null when it is too large or Telegram no longer has it.</summary>
    public async Task<byte[]?> FetchAsync(Guid jobId, string fileId, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.HttpTimeoutSeconds);
        try
        {
            var file = await WithinAsync(limit, ct => bot.GetFile(fileId, ct), cancellationToken);
            if (file.FilePath is null || file.FileSize > MaxBytes)
            {
                StudentBotLog.VideoUnavailable(logger, jobId, file.FileSize);
                return null;
            }

            await using var buffer = new BoundedBuffer(MaxBytes);
            await WithinAsync(limit, async ct => { await bot.DownloadFile(file.FilePath, buffer, ct); return true; }, cancellationToken);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is ApiRequestException { ErrorCode: 400 } or BoundedBuffer.TooLargeException)
        {
            StudentBotLog.VideoUnavailable(logger, jobId, null);
            return null;
        }
    }

    /// <summary>The call, cut off after <paramref name="limit"/> as a transient HttpRequestException (the worker tries the job again).</summary>
    private async Task<T> WithinAsync<T>(TimeSpan limit, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException(HttpRequestError.Unknown, "Telegram did not answer within HTTP_TIMEOUT_SECONDS.");
        }
    }
}
