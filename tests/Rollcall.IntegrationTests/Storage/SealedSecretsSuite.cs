using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Secrets;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>Sealed values bound to their row and column, with a key id, and `rollcall keys rotate` (audit L4).</summary>
public abstract class SealedSecretsSuite
{
    private static readonly DateTimeOffset Now = TestData.Now;

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordCopiedIntoAnotherTeachersRow_DoesNotOpenThere()
    {
        var database = await CreateDatabaseAsync();
        var store = Store(database, new SecretBox(RandomNumberGenerator.GetBytes(32)));
        var asha = await store.UpsertAsync("Asha", "+91 98765 43210", "asha@school.edu", "asha-pw", Ct);
        var ravi = await store.UpsertAsync("Ravi", "+91 91234 56789", "ravi@school.edu", "ravi-pw", Ct);
        await using (var db = database.CreateContext())
        {
            var sealedPassword = await db.Teachers.Where(t => t.Id == asha).Select(t => t.PasswordSealed).SingleAsync(Ct);
            await db.Teachers.Where(t => t.Id == ravi).ExecuteUpdateAsync(s => s.SetProperty(t => t.PasswordSealed, sealedPassword), Ct);
        }

        Assert.Equal("asha-pw", (await store.FindCredentialsAsync(asha, Ct))?.Password);
        Assert.Null(await store.FindCredentialsAsync(ravi, Ct));
    }

    [Fact]
    public async Task AccessTokenCopiedIntoTheRefreshColumn_DoesNotOpenThere()
    {
        var database = await CreateDatabaseAsync();
        var store = Store(database, new SecretBox(RandomNumberGenerator.GetBytes(32)));
        var id = await store.UpsertAsync("Asha", "+91 98765 43210", "asha@school.edu", "asha-pw", Ct);
        await store.SaveTokensAsync(id, new LmsTokens("access.jwt", Now.AddMinutes(5), "refresh.jwt", Now.AddDays(7), "M-1"), Ct);
        await using (var db = database.CreateContext())
        {
            await db.LmsTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RefreshSealed, t => t.AccessSealed), Ct);
        }

        Assert.Null(await store.FindTokensAsync(id, Ct));
    }

    [Fact]
    public async Task KeysRotate_ResealsEveryValueWithTheNewKey_IncludingOnesSealedBeforeV2()
    {
        var database = await CreateDatabaseAsync();
        byte[] oldKey = RandomNumberGenerator.GetBytes(32), newKey = RandomNumberGenerator.GetBytes(32);
        var before = Store(database, new SecretBox(oldKey));
        var asha = await before.UpsertAsync("Asha", "+91 98765 43210", "asha@school.edu", "asha-pw", Ct);
        var ravi = await before.UpsertAsync("Ravi", "+91 91234 56789", "ravi@school.edu", "ravi-pw", Ct);
        await before.SaveTokensAsync(asha, new LmsTokens("access.jwt", Now.AddMinutes(5), "refresh.jwt", Now.AddDays(7), "M-1"), Ct);
        await using (var db = database.CreateContext())
        {
            var legacy = SealedBeforeV2(oldKey, "ravi-pw");
            await db.Teachers.Where(t => t.Id == ravi).ExecuteUpdateAsync(s => s.SetProperty(t => t.PasswordSealed, legacy), Ct);
        }

        var rotating = new SecretBox(newKey, [oldKey]);
        var first = await TeacherSecrets.ResealAsync(database, rotating, Ct);
        var second = await TeacherSecrets.ResealAsync(database, rotating, Ct);

        Assert.Equal((4, 0, 0), (first.Resealed, first.AlreadyCurrent, first.UnreadableTeachers.Count));
        Assert.Equal((0, 4), (second.Resealed, second.AlreadyCurrent));
        var after = Store(database, new SecretBox(newKey));
        Assert.Equal("asha-pw", (await after.FindCredentialsAsync(asha, Ct))?.Password);
        Assert.Equal("ravi-pw", (await after.FindCredentialsAsync(ravi, Ct))?.Password);
        Assert.Equal("refresh.jwt", (await after.FindTokensAsync(asha, Ct))?.RefreshToken);
    }

    [Fact]
    public async Task KeysRotate_WithoutTheOldKey_LeavesTheValues_AndNamesTheirTeachers()
    {
        var database = await CreateDatabaseAsync();
        var id = await Store(database, new SecretBox(RandomNumberGenerator.GetBytes(32))).UpsertAsync("Asha", "+91 98765 43210", "a@school.edu", "pw", Ct);
        string? sealedBefore;
        await using (var db = database.CreateContext())
        {
            sealedBefore = await db.Teachers.Select(t => t.PasswordSealed).SingleAsync(Ct);
        }

        var report = await TeacherSecrets.ResealAsync(database, new SecretBox(RandomNumberGenerator.GetBytes(32)), Ct);

        Assert.Equal([id], report.UnreadableTeachers);
        Assert.Equal(0, report.Resealed);
        await using var check = database.CreateContext();
        Assert.Equal(sealedBefore, await check.Teachers.Select(t => t.PasswordSealed).SingleAsync(Ct));
    }

    private static TeacherStore Store(RollcallDatabase database, SecretBox secrets) =>
        new(database, secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance);

    /// <summary>The format before v2: base64(nonce ‖ tag ‖ ciphertext), no key id, no associated data.</summary>
    private static string SealedBeforeV2(byte[] key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return Convert.ToBase64String(output);
    }
}

public sealed class SqliteSealedSecretsTests : SealedSecretsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresSealedSecretsTests : SealedSecretsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
