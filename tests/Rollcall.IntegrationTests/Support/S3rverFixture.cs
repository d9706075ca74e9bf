using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Rollcall.IntegrationTests.Support;

/// <summary>A real s3rver (scripts/install-s3rver.sh) on 127.0.0.1 with a free port and a temp folder; tests skip without it, or fail when CI=true.</summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "photos";
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("rollcall-s3rver-");
    private Process? server;

    public Uri? BaseUrl { get; private set; }

    public string? StartFailure { get; private set; }

    public Uri RequireBaseUrl()
    {
        FacesFixture.Require(BaseUrl is not null, StartFailure ?? "s3rver did not start");
        return BaseUrl!;
    }

    public async ValueTask InitializeAsync()
    {
        var executable = Find();
        if (executable is null)
        {
            StartFailure = "s3rver not found: run `bash scripts/install-s3rver.sh`";
            return;
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", data.FullName, "-a", "127.0.0.1", "-p", "0", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var match = Listening().Match(line);
                if (match.Success)
                {
                    BaseUrl = new Uri($"http://127.0.0.1:{match.Groups[1].Value}/");
                    return;
                }
            }

            StartFailure = "s3rver exited: " + await server.StandardError.ReadToEndAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            StartFailure = "s3rver did not report its port within 20 s";
        }
    }

    public ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
        }

        server?.Dispose();
        data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "s3rver", "node_modules", ".bin", "s3rver");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
