using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Simulation.Lms;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>Two instances renewing one teacher's tokens (audit L7): the renewal is locked in the database, not per process.</summary>
public abstract class TokenRenewalSuite
{
    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesRefusedAtOnce_RefreshTheTokenOnce_AndBothGoOn()
    {
        var database = await CreateDatabaseAsync();
        var secrets = new SecretBox(RandomNumberGenerator.GetBytes(32));
        await using var lms = new LmsServer(LmsSeed.Sample, new LmsServerOptions { Latency = (TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300)) });
        await lms.StartAsync(Ct);
        var teacher = LmsSeed.Sample.Teachers[0];
        var store = new TeacherStore(database, secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance);
        var id = await store.UpsertAsync("Dr Karimov", "+998 90 123 45 67", teacher.Email, teacher.Password, Ct);
        await using var first = Instance(lms, database, secrets);
        await using var second = Instance(lms, database, secrets);
        Assert.IsType<LmsResult<string>.Ok>(await first.GetRequiredService<ILmsGateway>().SignInAsync(id, new LmsCredentials(teacher.Email, teacher.Password), Ct));
        lms.RevokeAccessTokens();

        var results = await Task.WhenAll(
            first.GetRequiredService<ILmsGateway>().GetPendingAsync(id, Ct),
            second.GetRequiredService<ILmsGateway>().GetPendingAsync(id, Ct));

        Assert.All(results, r => Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(r));
        Assert.Single(lms.CallsTo("POST", "/auth/refresh"));
        Assert.Single(lms.CallsTo("POST", "/api/v1/login"));
    }

    /// <summary>One instance's LMS gateway over the shared database, as `rollcall run` wires it.</summary>
    private static ServiceProvider Instance(LmsServer lms, RollcallDatabase database, SecretBox secrets)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BASE_URL"] = lms.BaseUrl,
            ["LMS_CAMPUS"] = LmsSeed.Sample.Campus,
            ["HTTP_TIMEOUT_SECONDS"] = "5",
            ["LMS_CACHE_SECONDS"] = "0",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILmsTokenStore>(new TeacherStore(database, secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance))
            .AddHttpLms(configuration)
            .BuildServiceProvider();
    }
}

public sealed class SqliteTokenRenewalTests : TokenRenewalSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresTokenRenewalTests : TokenRenewalSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
