using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Faces;
using Rollcall.Faces.Rekognition;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;

namespace Rollcall.IntegrationTests.Faces.Rekognition;

/// <summary>FACE_PROVIDER=rekognition against a local CompareFaces stub that checks every request's signature.</summary>
public sealed class RekognitionVerifierTests(FacesFixture faces) : IAsyncLifetime
{
    private const string Region = "eu-west-1";
    private static readonly AwsCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private readonly RekognitionStub stub = new(Keys, Region);
    private readonly DirectoryInfo photos = Directory.CreateTempSubdirectory("rollcall-rekognition-");
    private ServiceProvider provider = null!;

    public async ValueTask InitializeAsync()
    {
        await stub.StartAsync();
        provider = Build(new()
        {
            ["FACE_PROVIDER"] = "rekognition",
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = Keys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Keys.SecretAccessKey,
            ["AWS_REKOGNITION_ENDPOINT_URL"] = stub.BaseUrl.ToString(),
            ["PHOTO_STORE"] = "folder:" + photos.FullName,
            ["FACE_MATCH_THRESHOLD"] = "80",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await stub.DisposeAsync();
        photos.Delete(recursive: true);
    }

    [Fact]
    public async Task MatchAboveTheThreshold_IsAMatch_AndSendsThePhotoAndAFrame()
    {
        stub.Answer(200, """{"SourceImageFace":{"Confidence":99.9},"FaceMatches":[{"Similarity":97.5,"Face":{"Confidence":99.8}}],"UnmatchedFaces":[]}""");

        var check = await VerifyAsync(await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B));

        var match = Assert.IsType<FaceCheck.Match>(check);
        Assert.Equal(97.5, match.Score);
        var body = Assert.Single(stub.Requests).RootElement;
        Assert.Equal(80, body.GetProperty("SimilarityThreshold").GetDouble());
        Assert.Equal(File.ReadAllBytes(TestFaces.Person01), body.GetProperty("SourceImage").GetProperty("Bytes").GetBytesFromBase64());
        var frame = body.GetProperty("TargetImage").GetProperty("Bytes").GetBytesFromBase64();
        Assert.Equal([0xFF, 0xD8], frame[..2]);
        Assert.Equal(0, stub.BadSignatures);
    }

    [Fact]
    public async Task OnlyUnmatchedFaces_IsAMismatch()
    {
        stub.Answer(200, """{"SourceImageFace":{"Confidence":99.9},"FaceMatches":[],"UnmatchedFaces":[{"Confidence":99.1}]}""");

        var check = await VerifyAsync(await faces.Clips.LiveLikeAsync(TestFaces.Person02, TestFaces.Person02B));

        Assert.Equal(0, Assert.IsType<FaceCheck.Mismatch>(check).Score);
    }

    [Fact]
    public async Task NoFaceInTheImage_IsNoFace()
    {
        stub.Answer(400, """{"__type":"InvalidParameterException","Message":"There are no faces in the image. Should be at least 1."}""");

        var check = await VerifyAsync(await faces.Clips.NoFaceAsync());

        Assert.IsType<FaceCheck.NoFace>(check);
    }

    [Fact]
    public async Task ServiceError_IsOurFault_NotTheStudents()
    {
        stub.Answer(400, """{"__type":"com.amazonaws.rekognition#ThrottlingException","Message":"Rate exceeded."}""");

        var error = await Assert.ThrowsAsync<FaceEngineFaultException>(async () => await VerifyAsync(await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B)));

        Assert.Equal(FaceEngineFault.ProviderFailed, error.Fault);
        Assert.Contains("ThrottlingException", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Keys.SecretAccessKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameRekognitionRefuses_IsABadVideo_AnsweredOnce()
    {
        stub.Answer(400, """{"__type":"com.amazonaws.rekognition#ImageTooLargeException","Message":"Image size is too large."}""");

        var check = await VerifyAsync(await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B));

        Assert.Contains("ImageTooLargeException", Assert.IsType<FaceCheck.BadVideo>(check).Reason, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task StillPhotoReplay_IsNotLive_EvenWhenRekognitionMatchesIt()
    {
        stub.Answer(200, """{"SourceImageFace":{"Confidence":99.9},"FaceMatches":[{"Similarity":99.2,"Face":{"Confidence":99.8}}],"UnmatchedFaces":[]}""");

        var check = await VerifyAsync(await faces.Clips.StillAsync(TestFaces.Person01B));

        Assert.Equal(99.2, Assert.IsType<FaceCheck.NotLive>(check).Score);
    }

    [Fact]
    public async Task WrongSecret_IsRefusedByTheSignatureCheck()
    {
        await using var other = new RekognitionStub(Keys with { SecretAccessKey = "another-secret" }, Region);
        await other.StartAsync();
        using var wrong = Build(new()
        {
            ["FACE_PROVIDER"] = "rekognition",
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = Keys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Keys.SecretAccessKey,
            ["AWS_REKOGNITION_ENDPOINT_URL"] = other.BaseUrl.ToString(),
            ["PHOTO_STORE"] = "folder:" + photos.FullName,
        });
        await wrong.GetRequiredService<IPhotoStore>().SaveAsync("s1", File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B);

        await Assert.ThrowsAsync<FaceEngineFaultException>(() => wrong.GetRequiredService<IFaceVerifier>().VerifyAsync(new FaceCheckRequest("s1", clip), CancellationToken.None));
        Assert.Equal(1, other.BadSignatures);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID is required with FACE_PROVIDER=rekognition")]
    [InlineData("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY is required with FACE_PROVIDER=rekognition")]
    [InlineData("AWS_REGION", "AWS_REGION is required with FACE_PROVIDER=rekognition")]
    public void MissingAwsSetting_StopsStartUpNamingIt(string missing, string message)
    {
        var settings = new Dictionary<string, string?> { ["FACE_PROVIDER"] = "rekognition", ["AWS_REGION"] = Region, ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "secret" };
        settings.Remove(missing);
        using var setup = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => setup.GetRequiredService<IOptions<RekognitionOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private async Task<FaceCheck> VerifyAsync(byte[] clip)
    {
        await provider.GetRequiredService<IPhotoStore>().SaveAsync("s1", File.ReadAllBytes(TestFaces.Person01), CancellationToken.None);
        return await provider.GetRequiredService<IFaceVerifier>().VerifyAsync(new FaceCheckRequest("s1", clip), CancellationToken.None);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFaces(configuration).BuildServiceProvider();
    }
}
