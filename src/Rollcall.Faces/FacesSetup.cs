using System.Diagnostics;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Photos;
using Rollcall.Faces.Rekognition;
using Rollcall.Observability;
using Rollcall.Ports;

namespace Rollcall.Faces;

/// <summary>Registers the local face engine, the photo store and IFaceVerifier (local, or AWS Rekognition with FACE_PROVIDER=rekognition).</summary>
public static class FacesSetup
{
    public static IServiceCollection AddFaces(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaceOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .Validate(o => FaceEngine.FindModelsDirectory(o.ModelsDirectory) is not null, "FACE_MODELS_DIR must name a folder with fr_detect.onnx and fr_feature.onnx: run `bash scripts/fetch-models.sh`, e.g. FACE_MODELS_DIR=models")
            .Validate(Video.FrameDecoder.IsAvailable, "FACE_PROVIDER needs prlimit on PATH and rollcall-decoder next to the app (apt-get install util-linux ffmpeg; rebuild), e.g. FACE_PROVIDER=local")
            .ValidateOnStart();
        services.AddPhotoStore(configuration);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FaceOptions>>().Value;
            var directory = FaceEngine.FindModelsDirectory(options.ModelsDirectory)
                ?? throw new InvalidOperationException("Face models not found: run `bash scripts/fetch-models.sh` or set FACE_MODELS_DIR.");
            var clock = Stopwatch.StartNew();
            var engine = new FaceEngine(directory, options.IntraOpThreads);
            FacesLog.ModelsLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger<FaceEngine>(), directory, clock.ElapsedMilliseconds, options.IntraOpThreads);
            return engine;
        });
        services.TryAddSingleton<IEmbeddingCache, InMemoryEmbeddingCache>();
        services.AddSingleton<ReferenceEmbeddings>();
        services.AddSingleton<FaceVerifier>();
        services.AddSingleton<IEnrolmentFaces, Enrolment.EnrolmentExaminer>();
        services.AddSingleton<IReadinessProbe, FaceModelsProbe>();
        services.AddRekognition(configuration);
        services.AddSingleton<IReviewImages, Review.ReviewImageComposer>();
        services.AddSingleton<IFaceVerifier>(sp => sp.GetRequiredService<IOptions<FaceOptions>>().Value.Provider == "rekognition"
            ? sp.GetRequiredService<RekognitionFaceVerifier>()
            : sp.GetRequiredService<FaceVerifier>());
        return services;
    }

    // FACE_PROVIDER=rekognition: AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY required; AWS_REKOGNITION_ENDPOINT_URL optional.
    private static void AddRekognition(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RekognitionOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // HttpClient's own logs stay off: request logs are no place for signed AWS requests.
        services.AddHttpClient(RekognitionClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton(sp => new RekognitionClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<RekognitionOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RekognitionFaceVerifier>();
    }

    /// <summary>PHOTO_STORE: `folder:PATH` or `s3` (AWS_S3_BUCKET, AWS_S3_PREFIX, AWS_REGION, AWS_S3_ENDPOINT_URL).</summary>
    public static IServiceCollection AddPhotoStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PhotoStoreOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPhotoStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PhotoStoreOptions>>().Value;
            return options.IsS3
                ? new S3PhotoStore(sp.GetRequiredService<IAmazonS3>(), options)
                : new FolderPhotoStore(options.Folder);
        });
        services.TryAddSingleton<IAmazonS3>(sp => S3PhotoStore.CreateClient(sp.GetRequiredService<IOptions<PhotoStoreOptions>>().Value));
        return services;
    }
}
