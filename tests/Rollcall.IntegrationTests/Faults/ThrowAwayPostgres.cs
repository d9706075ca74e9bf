using System.Diagnostics;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own (scripts/start-postgres.sh), so it can be restarted mid-class without
/// disturbing the shared test server; skipped without PostgreSQL on a developer machine, failed on CI.
/// </summary>
internal sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string _scripts;
    private readonly string _folder;

    private ThrowAwayPostgres(string scripts, string folder, string connectionString)
    {
        _scripts = scripts;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var scripts = FindScripts();
        var installed = Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateDirectories("/usr/lib/postgresql").Any();
        FacesFixture.Require(scripts is not null && installed, "PostgreSQL is not installed (scripts/install-prerequisites.sh --tests installs it)");
        var folder = Path.Combine(Path.GetTempPath(), "rollcall-pg-fault-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, output) = await RunAsync("bash", [Path.Combine(scripts!, "start-postgres.sh"), folder, LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(code == 0, "start-postgres.sh failed: " + output);
        return new ThrowAwayPostgres(scripts!, folder, output.Trim().Split('\n')[^1]);
    }

    /// <summary>pg_ctl restart -m fast: every connection is cut and the server is back a moment later.</summary>
    /// <remarks>-l keeps the new server off pg_ctl's stdout, which would otherwise stay open and never reach end of file.</remarks>
    public async Task RestartAsync()
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Order().Last();
        string[] pgCtl = [Path.Combine(bin, "bin", "pg_ctl"), "-D", Path.Combine(_folder, "db"), "-l", Path.Combine(_folder, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"];
        var (code, output) = Environment.UserName == "root"
            ? await RunAsync("runuser", ["-u", "postgres", "--", .. pgCtl])
            : await RunAsync(pgCtl[0], pgCtl[1..]);
        Assert.True(code == 0, "pg_ctl restart failed: " + output);
    }

    public async ValueTask DisposeAsync() => await RunAsync("bash", [Path.Combine(_scripts, "stop-postgres.sh"), _folder]);

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindScripts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "start-postgres.sh")))
            {
                return Path.Combine(dir.FullName, "scripts");
            }
        }

        return null;
    }
}
