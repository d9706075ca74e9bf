using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>A file held by the emulator, reachable by file_id and by file_path.</summary>
internal sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, string FileName, string? MimeType, byte[] Bytes)
{
    public JsonObject FileJson() => new()
    {
        ["file_id"] = FileId,
        ["file_unique_id"] = FileUniqueId,
        ["file_size"] = Bytes.Length,
        ["file_path"] = FilePath,
    };
}

/// <summary>Every uploaded file; ids start with the prefix Telegram uses for the type so that Telegram.Bot can read it.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredFile> _byPath = new(StringComparer.Ordinal);
    private int _lastNumber;

    public StoredFile Add(FileType type, string fileName, string? mimeType, byte[] bytes)
    {
        var number = Interlocked.Increment(ref _lastNumber);
        var (prefix, folder) = type switch
        {
            FileType.Photo => ("AgAC", "photos"),
            FileType.Video => ("BAAC", "videos"),
            FileType.VideoNote => ("DQAC", "video_notes"),
            _ => ("BQAC", "documents"),
        };
        var suffix = number.ToString("D8", CultureInfo.InvariantCulture);
        var extension = Path.GetExtension(fileName);
        var file = new StoredFile(
            $"{prefix}AgADsim{suffix}",
            $"AQADsim{suffix}",
            $"{folder}/file_{number}{extension}",
            fileName,
            mimeType,
            bytes);
        _byId[file.FileId] = file;
        _byPath[file.FilePath] = file;
        return file;
    }

    public StoredFile? FindById(string fileId) => _byId.GetValueOrDefault(fileId);

    public StoredFile? FindByPath(string filePath) => _byPath.GetValueOrDefault(filePath);
}

/// <summary>The Telegram file types the emulator stores.</summary>
internal enum FileType
{
    Document,
    Photo,
    Video,
    VideoNote,
}
