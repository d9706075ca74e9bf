using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Check;

/// <summary>`rollcall check` on an S3 photo store (a real s3rver): the photos are listed and sampled, a wrong bucket fails.</summary>
public sealed class S3PhotoCheckTests(FacesFixture faces, S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task PhotosInS3_AreCountedAndSampled_AndAWrongBucketFails()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["PHOTO_STORE"] = "s3";
        bed.Settings["AWS_S3_BUCKET"] = S3rverFixture.Bucket;
        bed.Settings["AWS_S3_PREFIX"] = $"check-{Guid.NewGuid():N}/";
        bed.Settings["AWS_S3_ENDPOINT_URL"] = s3.RequireBaseUrl().ToString();
        bed.Settings["AWS_REGION"] = "us-east-1";
        bed.Settings["AWS_ACCESS_KEY_ID"] = "S3RVER";
        bed.Settings["AWS_SECRET_ACCESS_KEY"] = "S3RVER";
        var store = new Rollcall.Faces.Photos.S3PhotoStore(
            Rollcall.Faces.Photos.S3PhotoStore.CreateClient(S3Options(bed)), S3Options(bed));
        foreach (var id in CheckBed.Students.Take(4))
        {
            await store.SaveAsync(id, File.ReadAllBytes(Path.Combine(bed.PhotoFolder, id + ".jpg")), TestContext.Current.CancellationToken);
        }

        var (exit, output) = await bed.CheckAsync();
        bed.Settings["AWS_S3_BUCKET"] = "no-such-bucket";
        var (wrongExit, wrongOutput) = await bed.CheckAsync();

        Assert.Equal(0, exit);
        Assert.Contains($"s3://photos/{bed.Settings["AWS_S3_PREFIX"]}: 4 photos; 4 sampled, each with one usable face", output, StringComparison.Ordinal);
        Assert.Contains("2 of 6 students have no ID photo: ST-012, ST-013", output, StringComparison.Ordinal);
        Assert.Equal(1, wrongExit);
        Assert.Contains("cannot be listed", wrongOutput, StringComparison.Ordinal);
    }

    private static Rollcall.Faces.Photos.PhotoStoreOptions S3Options(CheckBed bed) => new()
    {
        Store = "s3",
        Bucket = bed.Settings["AWS_S3_BUCKET"],
        Prefix = bed.Settings["AWS_S3_PREFIX"]!,
        EndpointUrl = new Uri(bed.Settings["AWS_S3_ENDPOINT_URL"]!),
        Region = "us-east-1",
        AccessKeyId = "S3RVER",
        SecretAccessKey = "S3RVER",
    };
}
