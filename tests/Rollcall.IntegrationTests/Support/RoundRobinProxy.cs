using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rollcall.IntegrationTests.Support;

/// <summary>A load balancer for tests: forwards each POST to the next instance in turn, on 127.0.0.1.</summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly WebApplication _app;
    private int _next;

    private RoundRobinProxy(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The instances, in turn; set once they have started.</summary>
    public IReadOnlyList<Uri> Targets { get; set; } = [];

    /// <summary>How many requests each target received, by index.</summary>
    public int[] Forwarded { get; private set; } = [];

    public static async Task<RoundRobinProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var proxy = new RoundRobinProxy(builder.Build());
        proxy._app.MapPost("/{**path}", proxy.ForwardAsync);
        await proxy._app.StartAsync(TestContext.Current.CancellationToken);
        proxy.BaseUrl = new Uri(proxy._app.Urls.Single());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task<IResult> ForwardAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var targets = Targets;
        if (targets.Count == 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (Forwarded.Length != targets.Count)
        {
            Forwarded = new int[targets.Count];
        }

        var index = (Interlocked.Increment(ref _next) & int.MaxValue) % targets.Count;
        Interlocked.Increment(ref Forwarded[index]);
        using var body = new StreamContent(context.Request.Body);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(targets[index], context.Request.Path + context.Request.QueryString)) { Content = body };
        foreach (var header in context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return Results.StatusCode((int)response.StatusCode);
    }
}
