using System.Net.Http.Headers;
using System.Text;

namespace Rollcall.Simulation.BotApi;

/// <summary>Posts a bot's updates to its webhook one at a time, retrying a refused one, as Telegram does.</summary>
internal sealed class WebhookDelivery : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public WebhookDelivery(Uri url, string? secretToken, UpdateQueue updates, HttpClient http, TimeProvider clock)
    {
        Url = url;
        SecretToken = secretToken;
        _loop = RunAsync(updates, http, clock, _stop.Token);
    }

    public Uri Url { get; }

    public string? SecretToken { get; }

    public (string? Message, DateTimeOffset? At) LastError
    {
        get
        {
            lock (_gate)
            {
                return (_lastError, _lastErrorAt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(UpdateQueue updates, HttpClient http, TimeProvider clock, CancellationToken stop)
    {
        long offset = 0;
        var backoff = TimeSpan.FromMilliseconds(50);
        while (!stop.IsCancellationRequested)
        {
            var batch = await updates.TakeAsync(offset, 1, TimeSpan.FromSeconds(30), null, stop);
            if (batch.Count == 0)
            {
                continue;
            }

            var update = batch[0]!;
            try
            {
                using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
                if (SecretToken is not null)
                {
                    request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", SecretToken);
                }

                using var response = await http.SendAsync(request, stop);
                if (response.IsSuccessStatusCode)
                {
                    offset = update["update_id"]!.GetValue<int>() + 1;
                    backoff = TimeSpan.FromMilliseconds(50);
                    continue;
                }

                Fail($"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}", clock);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException exception)
            {
                Fail(exception.Message, clock);
            }

            try
            {
                await Task.Delay(backoff, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }

    private void Fail(string message, TimeProvider clock)
    {
        lock (_gate)
        {
            _lastError = message;
            _lastErrorAt = clock.GetUtcNow();
        }
    }
}
