using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>The fake LMS server and the real HTTP gateway wired as the host wires it, sharing one fake clock.</summary>
internal sealed class LmsTestBed : IAsyncDisposable
{
    public const long TeacherId = 7001;

    private readonly ServiceProvider _services;

    private LmsTestBed(LmsServer server, TimeProvider clock)
    {
        Server = server;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BASE_URL"] = server.BaseUrl,
            ["LMS_CAMPUS"] = LmsSeed.Sample.Campus,
            ["HTTP_TIMEOUT_SECONDS"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(Logs.Enqueue)));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILmsTokenStore>(Store);
        services.AddHttpLms(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public static LmsCredentials Teacher { get; } = new("teacher@example.edu", "teach-pass");

    public LmsServer Server { get; }

    public TimeProvider Clock { get; }

    /// <summary>The clock to advance; only for beds started without <c>systemClock</c>.</summary>
    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;

    public InMemoryLmsTokenStore Store { get; } = new();

    public ILmsGateway Gateway => _services.GetRequiredService<ILmsGateway>();

    /// <summary>Everything the gateway and its HttpClient logged, to prove that no secret reaches a log.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>
    /// Starts a server on <see cref="LmsSeed.Sample"/> sharing the bed's clock. The clock is fake unless <paramref name="systemClock"/>:
    /// HTTP retry backoff runs on the DI clock, so tests that make GETs fail need the system clock.
    /// </summary>
    public static async Task<LmsTestBed> StartAsync(Func<TimeProvider, LmsServerOptions>? options = null, bool systemClock = false)
    {
        TimeProvider clock = systemClock ? TimeProvider.System : new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var server = new LmsServer(LmsSeed.Sample, options?.Invoke(clock) ?? new LmsServerOptions { Clock = clock });
        await server.StartAsync(TestContext.Current.CancellationToken);
        return new LmsTestBed(server, clock);
    }

    /// <summary>Signs the sample teacher in and stores the password, as the teacher bot does.</summary>
    public async Task SignInAsync()
    {
        Store.SetCredentials(TeacherId, Teacher);
        var result = await Gateway.SignInAsync(TeacherId, Teacher, TestContext.Current.CancellationToken);
        Assert.IsType<LmsResult<string>.Ok>(result);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Calls received at a path relative to BASE_URL.</summary>
    public IReadOnlyList<LmsCall> CallsTo(string method, string path) => Server.CallsTo(method, $"/api/v1{path}");
}
