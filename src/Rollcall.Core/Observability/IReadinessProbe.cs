namespace Rollcall.Observability;

/// <summary>One thing `/readyz` checks: the database, the face models, Telegram.</summary>
public interface IReadinessProbe
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
