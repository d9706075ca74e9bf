using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Faces.Onnx;
using Rollcall.Observability;

namespace Rollcall.Faces;

/// <summary>Ready once the local engine's models are loaded (creating the engine loads them); Rekognition needs none.</summary>
internal sealed class FaceModelsProbe(IServiceProvider services, IOptions<FaceOptions> options) : IReadinessProbe
{
    public string Name => "face models";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(options.Value.Provider == "rekognition" || services.GetRequiredService<FaceEngine>() is not null);
}
