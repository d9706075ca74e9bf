using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Rollcall.Lms;

/// <summary>HTTP exchanges and how their failures become results.</summary>
internal sealed partial class HttpLmsGateway
{
    /// <summary>One HTTP exchange; transport failures, timeouts and an open circuit become <c>Unavailable</c>.</summary>
    private async Task<LmsResult<HttpResponseMessage>> SendAsync(long teacherId, string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var http = _httpClients.CreateClient(LmsSetup.HttpClientName);
            return new LmsResult<HttpResponseMessage>.Ok(await http.SendAsync(request, cancellationToken));
        }
        catch (HttpRequestException exception)
        {
            return Unavailable<HttpResponseMessage>(teacherId, operation, $"LMS unreachable ({exception.HttpRequestError})", exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or (TaskCanceledException and not OperationCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            return Unavailable<HttpResponseMessage>(teacherId, operation, $"LMS did not answer within {_options.HttpTimeoutSeconds} s", exception);
        }
        catch (BrokenCircuitException exception)
        {
            return Unavailable<HttpResponseMessage>(teacherId, operation, "LMS keeps failing; calls are paused for a few seconds", exception);
        }
    }

    private async Task<JsonNode?> ReadJsonAsync(long teacherId, string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            LmsLog.UnreadableAnswer(_logger, operation, teacherId, exception);
            return null;
        }
    }

    private LmsResult<T> Unavailable<T>(long teacherId, string operation, string reason, Exception? exception = null)
    {
        LmsLog.Unavailable(_logger, operation, teacherId, reason, exception);
        return new LmsResult<T>.Unavailable(reason);
    }

    /// <summary>A failed result, carried over to another result type.</summary>
    private readonly record struct Failure(string? UnavailableReason)
    {
        public static Failure Of<TFrom>(LmsResult<TFrom> result) => result switch
        {
            LmsResult<TFrom>.Unavailable unavailable => new Failure(unavailable.Reason),
            LmsResult<TFrom>.WrongCredentials => new Failure(null),
            _ => throw new InvalidOperationException($"{result} is not a failure."),
        };

        public LmsResult<T> As<T>() => UnavailableReason is null
            ? new LmsResult<T>.WrongCredentials()
            : new LmsResult<T>.Unavailable(UnavailableReason);
    }
}
