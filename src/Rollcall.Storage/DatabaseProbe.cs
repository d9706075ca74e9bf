using Rollcall.Observability;

namespace Rollcall.Storage;

/// <summary>Ready when the database answers.</summary>
internal sealed class DatabaseProbe(RollcallDatabase database) : IReadinessProbe
{
    public string Name => "database";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => database.IsReachableAsync(cancellationToken);
}
