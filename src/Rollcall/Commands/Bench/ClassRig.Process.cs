using System.Diagnostics;
using Rollcall.Faces.Onnx;

namespace Rollcall.Commands.Bench;

/// <summary>
/// The host as a process of its own (`rollcall run`, the app beside this assembly) on the rig's settings, so a fault test
/// can kill it with SIGKILL mid-class, as a crash or the OOM killer would, and start it again on the same database.
/// </summary>
internal sealed partial class ClassRig
{
    private readonly List<System.Collections.Concurrent.ConcurrentQueue<string>> _lives = [];
    private Process? _process;

    /// <summary>What each `rollcall run` started so far wrote to stdout and stderr, one list per process, in start order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ProcessOutput => [.. _lives.Select(life => (IReadOnlyList<string>)[.. life])];

    /// <summary>Starts `rollcall run` as a child process and waits until its /readyz answers.</summary>
    public async Task StartHostProcessAsync(CancellationToken cancellationToken)
    {
        if (Host is not null || _process is not null)
        {
            throw new InvalidOperationException("A host is running.");
        }

        var app = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "rollcall.exe" : "rollcall");
        var start = new ProcessStartInfo(app, "run")
        {
            UseShellExecute = false,
            // Its own stdin: the host must not share the test runner's (or the bench's terminal) with its children.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var (key, value) in _settings)
        {
            // Environment variable names cannot hold ':'; configuration reads "__" as the section separator.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["FACE_MODELS_DIR"] = FaceEngine.FindModelsDirectory(_configuration["FACE_MODELS_DIR"]);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{app} did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _lives.Add(output);
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Uri($"http://{_settings["HTTP_LISTEN"]}/readyz");
        for (var tries = 0; tries < 300; tries++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rollcall run exited with code {process.ExitCode}.");
            }

            try
            {
                using var answer = await http.GetAsync(ready, cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("rollcall run never became ready.");
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, leases stay held and replies in flight are lost.</summary>
    public async Task KillHostProcessAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
