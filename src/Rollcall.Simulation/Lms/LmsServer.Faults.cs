using Microsoft.AspNetCore.Http;

namespace Rollcall.Simulation.Lms;

/// <summary>Call recording and injected faults: queued failures and canned answers, random 5xx and latency.</summary>
public sealed partial class LmsServer
{
    private static readonly LmsCannedAnswer InjectedFailure = new(500, "application/json", """{"message":"Injected failure"}""");
    private readonly Lock _faultGate = new();
    private readonly List<(string Method, string Path, LmsCannedAnswer Answer)> _queuedAnswers = [];
    private readonly List<(string Method, string Path, TimeSpan Delay)> _queuedDelays = [];
    private Random? _random;

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> <paramref name="path"/> (relative to BASE_URL, e.g. "/attendance") get <paramref name="status"/>.</summary>
    public void FailNext(string method, string path, int status = 500, int count = 1) =>
        AnswerNext(method, path, InjectedFailure with { Status = status }, count);

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> <paramref name="path"/> get <paramref name="answer"/> instead of the LMS's own.</summary>
    public void AnswerNext(string method, string path, LmsCannedAnswer answer, int count = 1)
    {
        lock (_faultGate)
        {
            for (var i = 0; i < count; i++)
            {
                _queuedAnswers.Add((method, $"/api/v1{path}", answer));
            }
        }
    }

    /// <summary>The next call of <paramref name="method"/> <paramref name="path"/> is answered <paramref name="delay"/> late (real time: the network).</summary>
    public void DelayNext(string method, string path, TimeSpan delay)
    {
        lock (_faultGate)
        {
            _queuedDelays.Add((method, $"/api/v1{path}", delay));
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

        if (failure is { } answer)
        {
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            if (answer.Location is { } location)
            {
                context.Response.Headers.Location = location;
            }

            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
        else
        {
            await next(context);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _calls.Enqueue(new LmsCall(
            context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, body, context.Response.StatusCode));
    }

    private (LmsCannedAnswer? Answer, TimeSpan Delay) DrawFault(string method, string path)
    {
        lock (_faultGate)
        {
            _random ??= new Random(_options.RandomSeed);
            var (min, max) = _options.Latency;
            var delay = max > min ? min + ((max - min) * _random.NextDouble()) : min;
            var delayed = _queuedDelays.FindIndex(d => d.Method == method && string.Equals(d.Path, path, StringComparison.OrdinalIgnoreCase));
            if (delayed >= 0)
            {
                delay += _queuedDelays[delayed].Delay;
                _queuedDelays.RemoveAt(delayed);
            }

            var queued = _queuedAnswers.FindIndex(f => f.Method == method && string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
            if (queued >= 0)
            {
                var answer = _queuedAnswers[queued].Answer;
                _queuedAnswers.RemoveAt(queued);
                return (answer, delay);
            }

            return (_options.FailureProbability > 0 && _random.NextDouble() < _options.FailureProbability ? InjectedFailure with { Status = 503 } : null, delay);
        }
    }
}

/// <summary>An answer the LMS gives in place of its own: a status, a content type, a body and an optional Location.</summary>
public sealed record LmsCannedAnswer(int Status, string ContentType, string Body, string? Location = null)
{
    /// <summary>A gateway's sign-in page, as a misconfigured proxy serves it with 200.</summary>
    public static LmsCannedAnswer HtmlPage { get; } = new(200, "text/html", "<html><body>Sign in</body></html>");

    public static LmsCannedAnswer Json(int status, string body) => new(status, "application/json", body);
}
