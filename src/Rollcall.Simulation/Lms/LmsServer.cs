using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Rollcall.Simulation.Lms;

/// <summary>
/// A fake institute LMS on loopback speaking the seed's JSON API (docs: spec/lms-api.md):
/// JWT login, batches, rosters and attendance records, with call recording and fault injection.
/// </summary>
public sealed partial class LmsServer(LmsSeed seed, LmsServerOptions? options = null) : IAsyncDisposable
{
    private readonly LmsServerOptions _options = options ?? new LmsServerOptions();
    private readonly ConcurrentQueue<LmsCall> _calls = new();
    private readonly Channel<LmsAttendanceRecord> _submissions = Channel.CreateUnbounded<LmsAttendanceRecord>();
    private WebApplication? _app;
    private int _port;

    public LmsSeed Seed { get; } = seed;

    public LmsServerOptions Options => _options;

    /// <summary>http://127.0.0.1:PORT: the origin, where /auth/refresh lives.</summary>
    public string Origin => _port == 0 ? throw new InvalidOperationException("Call StartAsync first.") : $"http://127.0.0.1:{_port}";

    /// <summary>http://127.0.0.1:PORT/api/v1: the LMS's BASE_URL.</summary>
    public string BaseUrl => $"{Origin}/api/v1";

    /// <summary>False after <see cref="StopAsync"/>: calls are refused at the TCP level until started again.</summary>
    public bool IsRunning => _app is not null;

    /// <summary>Every call received, in order, across restarts.</summary>
    public IReadOnlyList<LmsCall> Calls => [.. _calls];

    /// <summary>Starts, or starts again on the same port after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(FaultsAndRecordingAsync);
        MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        _port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    /// <summary>Takes the LMS down: the port closes, so clients get "connection refused".</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>The next attendance record the LMS accepted (POST or PUT), under the shared default timeout.</summary>
    public Task<LmsAttendanceRecord> NextSubmissionAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _submissions.Reader.NextAsync(timeout, "attendance submission accepted by the LMS", cancellationToken);

    /// <summary>Recorded calls of one method and path (path relative to the origin, e.g. "/api/v1/attendance").</summary>
    public IReadOnlyList<LmsCall> CallsTo(string method, string path) =>
        [.. _calls.Where(call => call.Method == method && call.Path == path)];

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>One HTTP call the LMS received.</summary>
public sealed record LmsCall(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public string? Authorization => Headers.GetValueOrDefault("Authorization");
}

/// <summary>The attendance the LMS holds for one batch/subject/date, as last written.</summary>
public sealed record LmsAttendanceRecord(string Batch, string Subject, string Date, string Location, string Method, IReadOnlyDictionary<string, int> Students)
{
    public IEnumerable<string> Present => Students.Where(s => s.Value == 1).Select(s => s.Key);
}
