using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Rollcall.Ports;

namespace Rollcall.Faces.Photos;

/// <summary>ID photos in S3 at `{AWS_S3_PREFIX}{student_id}.jpg`; the ETag is the version tag.</summary>
public sealed class S3PhotoStore(IAmazonS3 s3, PhotoStoreOptions options) : IPhotoStore
{
    public async Task<StoredPhoto?> FindAsync(string studentId, CancellationToken cancellationToken)
    {
        if (!StudentPhotoKey.IsSafe(studentId))
        {
            return null;
        }

        try
        {
            using var response = await s3.GetObjectAsync(options.Bucket, Key(studentId), cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return new StoredPhoto(buffer.ToArray(), response.ETag ?? $"len-{buffer.Length}");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> SaveAsync(string studentId, ReadOnlyMemory<byte> jpegOrPng, CancellationToken cancellationToken)
    {
        StudentPhotoKey.Require(studentId);
        using var body = new MemoryStream(jpegOrPng.ToArray(), writable: false);
        var response = await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = options.Bucket,
                Key = Key(studentId),
                InputStream = body,
                ContentType = StudentPhotoKey.IsPng(jpegOrPng.Span) ? "image/png" : "image/jpeg",

                // S3-compatible servers (s3rver) store aws-chunked bodies verbatim; a single signed payload works everywhere.
                UseChunkEncoding = false,
            },
            cancellationToken);
        return response.ETag ?? $"len-{jpegOrPng.Length}";
    }

    public async Task DeleteAsync(string studentId, CancellationToken cancellationToken)
    {
        StudentPhotoKey.Require(studentId);
        await s3.DeleteObjectAsync(options.Bucket, Key(studentId), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListVersionsAsync(cancellationToken)).Select(p => p.StudentId)];

    public async Task<IReadOnlyList<PhotoVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var photos = new List<PhotoVersion>();
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = options.Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                var name = item.Key[options.Prefix.Length..];
                if (name.EndsWith(".jpg", StringComparison.Ordinal) && StudentPhotoKey.IsSafe(name[..^".jpg".Length]))
                {
                    photos.Add(new PhotoVersion(name[..^".jpg".Length], item.ETag ?? $"len-{item.Size}"));
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return [.. photos.OrderBy(p => p.StudentId, StringComparer.Ordinal)];
    }

    /// <summary>An S3 client for the options: AWS by region, or a local S3-compatible server with path-style URLs.</summary>
    public static AmazonS3Client CreateClient(PhotoStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            // Plain (non-chunked) uploads and checksums only when required keep S3-compatible servers working.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.EndpointUrl is not null)
        {
            config.ServiceURL = options.EndpointUrl.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        return !string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey)
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
    }

    private string Key(string studentId) => $"{options.Prefix}{studentId}.jpg";
}
