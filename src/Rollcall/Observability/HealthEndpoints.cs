using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace Rollcall.Observability;

/// <summary>`/healthz` (process up), `/readyz` (every probe ready) and `/metrics` (Prometheus text).</summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (IEnumerable<IReadinessProbe> probes, CancellationToken cancellationToken) =>
        {
            var lines = new List<string>();
            var ready = true;
            foreach (var probe in probes)
            {
                bool ok;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    ok = await probe.IsReadyAsync(timeout.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    ok = false;
                }

                ready &= ok;
                lines.Add($"{probe.Name}: {(ok ? "ready" : "not ready")}");
            }

            return Results.Text(string.Join('\n', lines) + "\n", statusCode: ready ? 200 : 503);
        });
        app.MapMetrics("/metrics");
        return app;
    }
}
