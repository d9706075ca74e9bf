using System.Diagnostics;

namespace Rollcall.Simulation.Clips;

/// <summary>The ffmpeg command line, for making clips (arguments as one string, double quotes group).</summary>
public static class Ffmpeg
{
    public static async Task RunAsync(string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error -nostdin " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {errors}");
        }
    }
}
