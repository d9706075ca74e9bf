using System.Net;
using System.Text.RegularExpressions;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Observability;

/// <summary>`/healthz`, `/readyz` and `/metrics` of the real host.</summary>
public sealed partial class HealthEndpointsTests(FacesFixture faces)
{
    [Fact]
    public async Task Metrics_AreValidPrometheusTextWithRollcallsInstruments()
    {
        _ = faces.Engine;
        await using var host = await RollcallTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(
            line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal) || Sample().IsMatch(line),
            $"not Prometheus exposition text: {line}"));
        Assert.Contains(lines, l => l.StartsWith("rollcall_queue_length ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rollcall_outbox_backlog ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("# TYPE rollcall_outbox_oldest_age", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthAndReadiness_AnswerWhenTheDatabaseIsUp()
    {
        _ = faces.Engine;
        await using var host = await RollcallTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("database: ready", body, StringComparison.Ordinal);
        Assert.Contains("face models: ready", body, StringComparison.Ordinal);
        Assert.Contains("telegram (teacher bot): ready", body, StringComparison.Ordinal);
        Assert.Contains("telegram (student bot): ready", body, StringComparison.Ordinal);
    }

    // name{label="value",...} value [timestamp]
    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*\})? -?([0-9.eE+-]+|NaN|\+Inf|-Inf)( -?\d+)?$")]
    private static partial Regex Sample();
}
