using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Photos;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

public sealed class FacesSetupTests
{
    [Theory]
    [InlineData("FACE_MATCH_THRESHOLD", "170", "FACE_MATCH_THRESHOLD must be 0-100, e.g. 70")]
    [InlineData("FACE_PROVIDER", "cloud", "FACE_PROVIDER must be local or rekognition, e.g. local")]
    [InlineData("FACE_MAX_VIDEO_BYTES", "10", "FACE_MAX_VIDEO_BYTES must be 1024-209715200, e.g. 20971520")]
    public void BadFaceSetting_StopsStartUpNamingTheVariable(string key, string value, string message)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void S3PhotoStoreWithoutABucket_StopsStartUp()
    {
        using var provider = Build(new() { ["PHOTO_STORE"] = "s3", ["AWS_REGION"] = "eu-west-1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PhotoStoreOptions>>().Value);

        Assert.Contains("AWS_S3_BUCKET is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentNames_BindToTheOptions()
    {
        FacesFixture.Require(FaceEngine.FindModelsDirectory(null) is not null, "face models not found: run `bash scripts/fetch-models.sh`");
        using var provider = Build(new() { ["FACE_MATCH_THRESHOLD"] = "75.5", ["LIVENESS_REQUIRED"] = "false", ["PHOTO_STORE"] = "folder:/srv/photos", ["AWS_S3_PREFIX"] = "ids/" });

        var faces = provider.GetRequiredService<IOptions<FaceOptions>>().Value;
        var photos = provider.GetRequiredService<IOptions<PhotoStoreOptions>>().Value;

        Assert.Equal(75.5, faces.MatchThreshold);
        Assert.False(faces.LivenessRequired);
        Assert.Equal("/srv/photos", photos.Folder);
        Assert.Equal("ids/", photos.Prefix);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFaces(configuration).BuildServiceProvider();
    }
}
