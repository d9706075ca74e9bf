using Microsoft.AspNetCore.Http;

namespace Rollcall.Simulation.Lms;

/// <summary>Call recording and injected faults: queued failures, random 5xx and latency.</summary>
public sealed partial class LmsServer
{
    private readonly Lock _faultGate = new();
    private readonly List<(string Method, string Path, int Status)> _queuedFailures = [];
    private Random? _random;

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> <paramref name="path"/> (relative to BASE_URL, e.g. "/attendance") get <paramref name="status"/>.</summary>
    public void FailNext(string method, string path, int status = 500, int count = 1)
    {
        lock (_faultGate)
        {
            for (var i = 0; i < count; i++)
            {
                _queuedFailures.Add((method, $"/api/v1{path}", status));
            }
        }
    }

    private async Task FaultsAndRecordingAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;

        var (failure, delay) = DrawFault(context.Request.Method, context.Request.Path);
        if (delay > TimeSpan.Zero)
        {
            // Latency is real time: it models the network, not the LMS's clock.
            await Task.Delay(delay, context.RequestAborted);
        }

        if (failure is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { message = "Injected failure" }, context.RequestAborted);
        }
        else
        {
            await next(context);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _calls.Enqueue(new LmsCall(
            context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body, context.Response.StatusCode));
    }

    private (int? Status, TimeSpan Delay) DrawFault(string method, string path)
    {
        lock (_faultGate)
        {
            _random ??= new Random(_options.RandomSeed);
            var (min, max) = _options.Latency;
            var delay = max > min ? min + ((max - min) * _random.NextDouble()) : min;
            var queued = _queuedFailures.FindIndex(f => f.Method == method && string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
            if (queued >= 0)
            {
                var status = _queuedFailures[queued].Status;
                _queuedFailures.RemoveAt(queued);
                return (status, delay);
            }

            return (_options.FailureProbability > 0 && _random.NextDouble() < _options.FailureProbability ? 503 : null, delay);
        }
    }
}
