using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rollcall.Telegram.Updates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// A job's video note, fetched once into memory through the student bot (getFile, then the download), never past
/// Telegram's limit for bots. Transient failures (Telegram down, 429, 5xx) are thrown for the worker to retry later.
/// </summary>
public sealed class VideoNoteDownload([FromKeyedServices(BotRole.Student)] ITelegramBotClient bot, ILogger<VideoNoteDownload> logger)
{
    /// <summary>Telegram's getFile limit for bots.</summary>
    public const long MaxBytes = StudentBotOptions.MaxVideoBytes;

    /// <summary>The note's bytes, or null when it is too large or Telegram no longer has it.</summary>
    public async Task<byte[]?> FetchAsync(Guid jobId, string fileId, CancellationToken cancellationToken)
    {
        try
        {
            var file = await bot.GetFile(fileId, cancellationToken);
            if (file.FilePath is null || file.FileSize > MaxBytes)
            {
                StudentBotLog.VideoUnavailable(logger, jobId, file.FileSize);
                return null;
            }

            await using var buffer = new BoundedBuffer(MaxBytes);
            await bot.DownloadFile(file.FilePath, buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is ApiRequestException { ErrorCode: 400 } or BoundedBuffer.TooLargeException)
        {
            StudentBotLog.VideoUnavailable(logger, jobId, null);
            return null;
        }
    }
}
