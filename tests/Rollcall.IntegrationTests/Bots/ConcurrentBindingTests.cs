using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;
using Rollcall.Storage;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Sessions;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>
/// M3 on PostgreSQL, as two instances see it: two accounts enter the code for one unbound ID at the same moment. The
/// binding's unique key decides; the loser is refused as bound elsewhere, so it never holds the ID or its attempts.
/// </summary>
public sealed class ConcurrentBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoAccountsBindingOneIdAtOnce_OneWins_AndTheOtherIsRefusedAsBoundElsewhere()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        var sessionId = await TestData.AddSessionAsync(database, teacherId, "111111", "CS-A", "S-1");

        // The first account's turn binds and holds its transaction open; the second's insert then waits on the unique key.
        var (firstCheck, secondCheck) = await TurnTransaction.RunAsync(database, async ct =>
        {
            await using var first = database.CreateContext();
            var firstCheck = await new CheckInStore(first).CheckAccountAsync(sessionId, "S-1", 100, TestData.Now, ct);
            var second = RunTurnAsync(database, db => new CheckInStore(db).CheckAccountAsync(sessionId, "S-1", 200, TestData.Now, Ct));
            await WaitForABlockedInsertAsync(database);
            await first.Database.CurrentTransaction!.CommitAsync(ct);
            return (firstCheck, await second);
        }, Ct);

        Assert.Equal((AccountCheck.Allowed, AccountCheck.BoundToAnotherAccount), (firstCheck, secondCheck));
        await using var db = database.CreateContext();
        Assert.Equal(100, (await db.StudentBindings.SingleAsync(Ct)).TelegramUserId);
        Assert.Equal("telegram:200", (await db.AuditLog.SingleAsync(a => a.Action == Attendance.AuditAction.BoundToAnotherAccount, Ct)).Actor);
    }

    private static Task<T> RunTurnAsync<T>(RollcallDatabase database, Func<RollcallDb, Task<T>> work) =>
        Task.Run(() => TurnTransaction.RunAsync(database, async ct =>
        {
            await using var db = database.CreateContext();
            var result = await work(db);
            await db.SaveChangesAsync(ct); // the turn's audit rows, saved before its commit
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }, Ct), Ct);

    /// <summary>Until PostgreSQL shows a session of this database waiting for a lock (the second insert on the binding's key).</summary>
    private static async Task WaitForABlockedInsertAsync(RollcallDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync(deadline.Token))! > 0)
            {
                return;
            }

            await Task.Yield();
        }
    }
}
