namespace Rollcall.Ports;

/// <summary>The picture a teacher reviews: the student's ID photo and a frame of the video note, side by side.</summary>
public interface IReviewImages
{
    /// <summary>A JPEG, or null when neither picture can be read (the review then goes out as text).</summary>
    Task<byte[]?> ComposeAsync(string studentId, ReadOnlyMemory<byte> video, CancellationToken cancellationToken);
}
