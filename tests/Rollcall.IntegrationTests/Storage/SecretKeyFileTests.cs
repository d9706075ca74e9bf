using Rollcall.Configuration;
using Rollcall.Secrets;
using Rollcall.Storage;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The generated key file (audit M11): never replaced silently, written owner-only.</summary>
public sealed class SecretKeyFileTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rollcall-key-").FullName;

    private string KeyPath => Path.Combine(_folder, SecretKeyFile.FileName);

    private DatabaseUrl Url => new(DatabaseProvider.Sqlite, "", Path.Combine(_folder, "rollcall.db"));

    [Fact]
    public async Task TruncatedKeyFile_StopsStartUpWithOneLine_AndIsLeftAsItIs()
    {
        var truncated = EncryptionKey.Generate()[..20];
        await File.WriteAllTextAsync(KeyPath, truncated, TestContext.Current.CancellationToken);
        var error = new StringWriter();

        var configuration = StartupSettings.Load(error, new Dictionary<string, string?> { ["DATABASE_URL"] = "sqlite:" + Url.SqlitePath });

        Assert.Null(configuration);
        Assert.Equal(
            $"rollcall: {KeyPath} is not a 32-byte base64 key (truncated or edited?). It was left as it is: restore it from a backup or set " +
            "ENCRYPTION_KEY to the original key; the stored LMS passwords and tokens open only with the key they were sealed with.",
            error.ToString().TrimEnd());
        Assert.Throws<InvalidOperationException>(() => SecretKeyFile.Resolve(new StorageOptions(), Url));
        Assert.Equal(truncated, await File.ReadAllTextAsync(KeyPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void KeyFileThatIsAFolder_StopsStartUpWithOneLine()
    {
        Directory.CreateDirectory(KeyPath);

        var problem = SecretKeyFile.Problem(new StorageOptions(), Url);

        Assert.Equal($"{KeyPath} cannot be read (it is a folder): give the service user read access, or set ENCRYPTION_KEY to the key it holds.", problem);
    }

    [Fact]
    public void MissingKeyFile_IsGeneratedOwnerOnly_AndReadBackTheSame()
    {
        var (key, generated) = SecretKeyFile.Resolve(new StorageOptions(), Url);
        var (again, generatedAgain) = SecretKeyFile.Resolve(new StorageOptions(), Url);

        Assert.True(generated);
        Assert.False(generatedAgain);
        Assert.Equal(key, again);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }
    }
}
