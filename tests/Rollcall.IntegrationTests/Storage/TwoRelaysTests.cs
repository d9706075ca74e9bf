using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rollcall.Attendance;
using Rollcall.Hosting;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Simulation.Lms;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Outbox;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>
/// Two teachers, one batch (audit M6), delivered by two instances' relays on PostgreSQL (S2): the LMS's last body
/// holds every present student of both sessions, however the deliveries interleave.
/// </summary>
public sealed class TwoRelaysTests
{
    private const int Runs = 50;
    private static readonly string[] Roster = ["ST-001", "ST-002", "ST-003"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoRelays_AnLmsSlowToTakeTheFirstUpdate_TheLastBodyHoldsEveryPresentStudent_50Runs()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        var secrets = new SecretBox(RandomNumberGenerator.GetBytes(32));
        await using var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(Ct);
        var store = new TeacherStore(database, secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance);
        var teachers = new List<long>();
        await using var first = Instance(lms, database, secrets);
        await using var second = Instance(lms, database, secrets);
        foreach (var (account, phone) in LmsSeed.Sample.Teachers.Zip(["+998901111111", "+998902222222"]))
        {
            var id = await store.UpsertAsync(account.Email, phone, account.Email, account.Password, Ct);
            Assert.IsType<LmsResult<string>.Ok>(await first.GetRequiredService<ILmsGateway>().SignInAsync(id, new LmsCredentials(account.Email, account.Password), Ct));
            teachers.Add(id);
        }

        var relays = new[] { Relay(first, database), Relay(second, database) };
        var failures = new List<string>();
        for (var run = 0; run < Runs; run++)
        {
            var date = new DateOnly(2027, 1, 1).AddDays(run);
            var sessions = new[]
            {
                await TestData.AddSessionAsync(database, teachers[0], $"{run:D3}001", "B-101", date, Roster),
                await TestData.AddSessionAsync(database, teachers[1], $"{run:D3}002", "B-101", date, Roster),
            };

            // S1 by the first teacher, created; S2 by the second, whose update the LMS takes slowly; S3 by the first meanwhile.
            await MarkAsync(database, teachers[0], sessions[0], "ST-001", date);
            await Task.WhenAll(relays.Select(r => r.DeliverDueAsync(Ct)));
            lms.DelayNext("PUT", "/attendance", TimeSpan.FromMilliseconds(300));
            await MarkAsync(database, teachers[1], sessions[1], "ST-002", date);
            var slow = Task.WhenAll(relays.Select(r => r.DeliverDueAsync(Ct)));
            await MarkAsync(database, teachers[0], sessions[0], "ST-003", date);
            await Task.WhenAll(slow, Task.WhenAll(relays.Select(r => r.DeliverDueAsync(Ct))));
            await DrainAsync(database, relays);

            var record = lms.Records.Single(r => r.Date == date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (!record.Present.Order().SequenceEqual(Roster))
            {
                failures.Add($"run {run}: the LMS holds {string.Join(",", record.Present)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(Runs, lms.CallsTo("POST", "/api/v1/attendance").Count(c => c.Status == 201));
    }

    /// <summary>Both relays deliver until no row is pending; a row waiting for its backoff is made due at once.</summary>
    private static async Task DrainAsync(RollcallDatabase database, OutboxRelay[] relays)
    {
        for (var round = 0; round < 20; round++)
        {
            await using var db = database.CreateContext();
            if (!await db.Outbox.AnyAsync(o => o.State == OutboxState.Pending, Ct))
            {
                return;
            }

            await db.Outbox.Where(o => o.State == OutboxState.Pending).ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, DateTimeOffset.UtcNow), Ct);
            await Task.WhenAll(relays.Select(r => r.DeliverDueAsync(Ct)));
        }

        Assert.Fail("the outbox did not drain");
    }

    private static async Task MarkAsync(RollcallDatabase database, long teacherId, Guid sessionId, string studentId, DateOnly date)
    {
        await using var db = database.CreateContext();
        db.Marks.Add(new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = MarkStatus.Present, CreatedAt = DateTimeOffset.UtcNow });
        AttendanceOutbox.Enqueue(db, teacherId, "B-101", "Python", date, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }

    private static OutboxRelay Relay(ServiceProvider instance, RollcallDatabase database) => new(
        database, instance.GetRequiredService<ILmsGateway>(), new NoAlerts(), LeasePolicy.Derive(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(310)),
        TimeProvider.System, new RollcallMetrics(), NullLogger<OutboxRelay>.Instance);

    /// <summary>One instance's LMS gateway over the shared database, as `rollcall run` wires it.</summary>
    private static ServiceProvider Instance(LmsServer lms, RollcallDatabase database, SecretBox secrets)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BASE_URL"] = lms.BaseUrl,
            ["LMS_CAMPUS"] = LmsSeed.Sample.Campus,
            ["HTTP_TIMEOUT_SECONDS"] = "5",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILmsTokenStore>(new TeacherStore(database, secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance))
            .AddHttpLms(configuration)
            .BuildServiceProvider();
    }

    private sealed class NoAlerts : ITeacherAlerts
    {
        public Task LmsRefusedAsync(long teacherId, string batch, string subject, DateOnly date, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
