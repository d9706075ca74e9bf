using Amazon.S3;
using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Abuse;
using Rollcall.IntegrationTests.Bots;
using Rollcall.IntegrationTests.Support;
using static Rollcall.IntegrationTests.Enrolment.EnrolmentSteps;

namespace Rollcall.IntegrationTests.Enrolment;

/// <summary>
/// Self-enrolment with PHOTO_STORE=s3 on a real s3rver, over HTTP: the approved frame is the object under the prefix, the
/// request keeps its ETag as the photo's version, and /forget deletes the object.
/// </summary>
public sealed class EnrolmentS3Tests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovedFrame_IsTheIdPhotoInS3_AndForgetDeletesIt()
    {
        var prefix = $"enrol-{Guid.NewGuid():N}/";
        var endpoint = s3.RequireBaseUrl();
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ENROLMENT"] = "self",
            ["PHOTO_STORE"] = "s3",
            ["AWS_S3_BUCKET"] = S3rverFixture.Bucket,
            ["AWS_S3_PREFIX"] = prefix,
            ["AWS_S3_ENDPOINT_URL"] = endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        });
        using var client = new AmazonS3Client("S3RVER", "S3RVER", new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var teacher = bots.Emulator.CreateUser("Rao");
        await BotsOverHttpTests.OpenSessionAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        await EnrolAsync(asha, bots.StudentBot, "S-1", [1, 2, 3], Invitation("Asha", "CS-A"), TimeSpan.FromSeconds(20));

        await teacher.PressButtonAsync(bots.TeacherBot, await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct), "Approve");
        var enrolled = await asha.ReplyAsync(bots.StudentBot);
        var stored = await ReadAsync(client, prefix + "S-1.jpg");
        await using (var db = bots.Database.CreateContext())
        {
            Assert.Equal(stored.ETag, (await db.EnrolmentRequests.SingleAsync(Ct)).PhotoVersion);
        }

        await asha.SendCommandAsync(bots.StudentBot, "/forget");
        await asha.PressButtonAsync(bots.StudentBot, await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct), "Yes, remove");
        var done = await asha.ReplyAsync(bots.StudentBot);
        var left = await client.ListObjectsV2Async(new() { BucketName = S3rverFixture.Bucket, Prefix = prefix }, Ct);

        Assert.Equal(Enrolled("S-1"), enrolled);
        Assert.Equal(ScriptedEnrolmentFaces.Frame, stored.Bytes);
        Assert.EndsWith("and the ID photo made from your video note. Attendance records stay. The next check-in binds your ID again.", done, StringComparison.Ordinal);
        Assert.Empty(left.S3Objects ?? []);
    }

    private static async Task<(byte[] Bytes, string ETag)> ReadAsync(AmazonS3Client client, string key)
    {
        using var response = await client.GetObjectAsync(S3rverFixture.Bucket, key, Ct);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes, Ct);
        return (bytes.ToArray(), response.ETag);
    }
}
